// SPDX-License-Identifier: GPL-3.0-or-later
// The widget's stylesheet. It lives inside the shadow root, so the site's CSS cannot reach in and
// ours cannot leak out; `:host { all: initial }` also stops inherited fonts and colours.

export const STYLES = `
:host { all: initial; }
* { box-sizing: border-box; }
/* Our display rules (flex, block) would otherwise beat the hidden attribute. */
[hidden] { display: none !important; }
.cw-root {
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1f2430;
}
.cw-launcher {
  position: relative; width: 56px; height: 56px; border-radius: 50%; border: 0; cursor: pointer;
  background: #2d6a4f; color: #fff; box-shadow: 0 6px 18px rgba(0,0,0,.25);
  display: flex; align-items: center; justify-content: center; margin-left: auto;
}
.cw-launcher:hover { background: #1b4332; }
.cw-launcher:focus-visible, .cw-send:focus-visible, .cw-close:focus-visible, .cw-department:focus-visible, .cw-link:focus-visible,
.cw-secondary:focus-visible, .cw-end:focus-visible, .cw-attach:focus-visible, .cw-file-link:focus-visible { outline: 3px solid #95d5b2; outline-offset: 2px; }
.cw-launcher svg { width: 26px; height: 26px; fill: currentColor; }
.cw-badge {
  position: absolute; top: -4px; right: -4px; min-width: 20px; height: 20px; padding: 0 6px;
  border-radius: 10px; background: #d62828; color: #fff; font-size: 12px; font-weight: 600;
  line-height: 20px; text-align: center;
}
.cw-badge[hidden] { display: none; }
.cw-window {
  width: 360px; max-width: calc(100vw - 40px); height: 520px; max-height: calc(100vh - 110px);
  margin-bottom: 12px; background: #fff; border-radius: 14px; overflow: hidden;
  box-shadow: 0 12px 40px rgba(0,0,0,.25); display: flex; flex-direction: column;
}
.cw-window[hidden] { display: none; }
.cw-header { background: #2d6a4f; color: #fff; padding: 12px 14px; display: flex; align-items: flex-start; gap: 8px; }
.cw-heading { flex: 1; min-width: 0; }
.cw-title { font-size: 16px; font-weight: 600; margin: 0; }
.cw-subtitle { font-size: 12px; opacity: .85; margin: 2px 0 0; overflow-wrap: anywhere; }
.cw-close { background: transparent; border: 0; color: #fff; font-size: 22px; line-height: 1; cursor: pointer; padding: 2px 6px; border-radius: 6px; }
.cw-close:hover { background: rgba(255,255,255,.15); }
.cw-end {
  flex: none; align-self: center; background: transparent; border: 1px solid rgba(255,255,255,.6); color: #fff;
  font: inherit; font-size: 12px; line-height: 1.2; padding: 4px 8px; border-radius: 6px; cursor: pointer;
}
.cw-end:hover { background: rgba(255,255,255,.15); }
.cw-note { padding: 8px 14px; font-size: 12px; background: #f1f3f5; color: #495057; border-bottom: 1px solid #e9ecef; }
.cw-note[hidden] { display: none; }
.cw-note.cw-connection { background: #fff3bf; color: #5c4813; }
.cw-flash { background: #ffe3e3; color: #7d1a1a; }
.cw-messages { flex: 1; overflow-y: auto; margin: 0; padding: 12px; list-style: none; background: #f8f9fa; }
.cw-empty { color: #868e96; text-align: center; margin: 24px 8px; font-size: 13px; }
.cw-message { display: flex; flex-direction: column; margin: 0 0 10px; max-width: 85%; }
.cw-message[data-author="visitor"] { margin-left: auto; align-items: flex-end; }
.cw-message[data-author="system"] { max-width: 100%; align-items: center; margin-left: auto; margin-right: auto; }
.cw-bubble { padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; border: 1px solid #e9ecef; }
.cw-message[data-author="visitor"] .cw-bubble { background: #2d6a4f; color: #fff; border-color: #2d6a4f; border-bottom-right-radius: 4px; }
.cw-message[data-author="operator"] .cw-bubble { border-bottom-left-radius: 4px; }
.cw-message[data-author="system"] .cw-bubble { background: transparent; border: 0; color: #868e96; font-size: 12px; text-align: center; }
.cw-message[data-state="sending"] .cw-bubble { opacity: .65; }
.cw-message[data-state="failed"] .cw-bubble { background: #fff; color: #c92a2a; border-color: #ffa8a8; }
.cw-meta { font-size: 11px; color: #868e96; margin-top: 2px; }
.cw-typing { padding: 0 14px 6px; font-size: 12px; color: #868e96; font-style: italic; background: #f8f9fa; }
.cw-typing[hidden] { display: none; }
.cw-form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e9ecef; background: #fff; }
.cw-input {
  flex: 1; resize: none; min-height: 40px; max-height: 120px; padding: 9px 10px; border: 1px solid #ced4da;
  border-radius: 10px; font: inherit; color: inherit; background: #fff;
}
/* A long placeholder (Russian) beside the paper clip is cut, not wrapped into a second hidden line. */
.cw-input::placeholder { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.cw-input:focus { outline: none; border-color: #2d6a4f; box-shadow: 0 0 0 3px rgba(45,106,79,.2); }
.cw-send { border: 0; border-radius: 10px; padding: 0 16px; background: #2d6a4f; color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
.cw-send:hover { background: #1b4332; }
.cw-send:disabled, .cw-send[aria-disabled="true"] { opacity: .6; cursor: default; }
.cw-note.cw-thanks { background: #d8f3dc; color: #1b4332; }
.cw-departments { flex: 1 1 auto; min-height: 0; overflow-y: auto; padding: 14px; border-top: 1px solid #e9ecef; background: #fff; }
.cw-messages:not([hidden]) ~ .cw-departments { flex: 0 1 auto; }
.cw-departments-title { margin: 0 0 8px; font-weight: 600; }
.cw-department-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.cw-department {
  width: 100%; text-align: left; padding: 9px 12px; border: 1px solid #ced4da; border-radius: 10px;
  background: #fff; color: inherit; font: inherit; cursor: pointer; display: flex; flex-direction: column;
}
.cw-department:hover { border-color: #2d6a4f; background: #f1f8f4; }
.cw-department-name { font-weight: 600; }
.cw-department-note { font-size: 12px; color: #868e96; }
.cw-department-line { display: flex; align-items: baseline; gap: 8px; padding: 6px 12px 0; font-size: 12px; color: #495057; background: #fff; border-top: 1px solid #e9ecef; }
.cw-department-line + .cw-form { border-top: 0; }
.cw-link { border: 0; background: none; padding: 0; color: #2d6a4f; font: inherit; text-decoration: underline; cursor: pointer; border-radius: 4px; }
/* Forms under the conversation (offline request, contact details, rating): alone they take the room,
   under messages they take what they need, scrolling past three quarters of the window. */
.cw-panel { flex: 1 1 auto; min-height: 0; overflow-y: auto; padding: 10px 12px 12px; border-top: 1px solid #e9ecef; background: #fff; }
.cw-messages:not([hidden]) ~ .cw-panel { flex: 0 1 auto; max-height: 75%; }
.cw-department-line + .cw-offline { border-top: 0; }
.cw-contact { flex: 0 1 auto; max-height: 60%; background: #f1f8f4; }
.cw-panel-intro { margin: 0 0 8px; font-size: 13px; color: #495057; }
.cw-contact .cw-panel-intro, .cw-rating .cw-panel-intro { font-weight: 600; color: #1f2430; }
.cw-contact-hint { margin: -4px 0 8px; font-size: 11px; color: #868e96; }
.cw-contact-error { margin: -4px 0 8px; }
.cw-panel-buttons { display: flex; gap: 8px; align-items: stretch; }
.cw-panel-buttons .cw-send { flex: 1; padding: 9px 16px; }
.cw-secondary {
  border: 1px solid #ced4da; border-radius: 10px; padding: 9px 14px; background: #fff; color: #495057;
  font: inherit; cursor: pointer;
}
.cw-secondary:hover { border-color: #2d6a4f; color: #1b4332; }
.cw-action-thanks { border-top: 1px solid #e9ecef; border-bottom: 0; }
.cw-stars { display: flex; gap: 2px; margin: 0 0 8px; }
/* The radio buttons stay focusable and in the accessibility tree; the stars are what is seen. */
.cw-star-input { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.cw-star { font-size: 30px; line-height: 1; color: #ced4da; cursor: pointer; padding: 0 2px; border-radius: 6px; }
.cw-star.cw-star-on { color: #f4a100; }
.cw-star-input:focus-visible + .cw-star { outline: 3px solid #95d5b2; outline-offset: 1px; }
.cw-banned { flex: 1 1 auto; display: flex; align-items: center; justify-content: center; padding: 16px; text-align: center; color: #495057; background: #f8f9fa; border-top: 1px solid #e9ecef; }
.cw-messages:not([hidden]) ~ .cw-banned { flex: 0 0 auto; background: #fff; }
.cw-field { margin: 0 0 8px; }
.cw-field-label { display: block; font-size: 12px; font-weight: 600; margin: 0 0 2px; color: #495057; }
.cw-field-input {
  width: 100%; padding: 7px 9px; border: 1px solid #ced4da; border-radius: 8px; font: inherit; color: inherit; background: #fff;
}
.cw-field-text { resize: vertical; min-height: 60px; }
.cw-field-input:focus { outline: none; border-color: #2d6a4f; box-shadow: 0 0 0 3px rgba(45,106,79,.2); }
.cw-field-input[aria-invalid="true"] { border-color: #c92a2a; }
.cw-field-input[aria-invalid="true"]:focus { box-shadow: 0 0 0 3px rgba(201,42,42,.2); }
.cw-field-error { margin: 3px 0 0; font-size: 12px; color: #c92a2a; }
.cw-panel-send { width: 100%; padding: 9px 16px; }
/* Left of the launcher, so that it shows whether the chat window is open or not. */
.cw-toast {
  position: absolute; right: 68px; bottom: 10px; max-width: calc(100vw - 100px); padding: 9px 14px; border-radius: 18px;
  background: #1f2430; color: #fff; font-size: 14px; box-shadow: 0 6px 18px rgba(0,0,0,.25); white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis;
}
/* Files (docs/protocol.md, "Files"): the paper clip, the file in a message, the drop target. */
.cw-window { position: relative; }
.cw-attach {
  flex: none; width: 36px; border: 0; border-radius: 10px; background: transparent; color: #495057; cursor: pointer;
  display: flex; align-items: center; justify-content: center; padding: 0;
}
.cw-attach:hover { background: #f1f3f5; color: #1b4332; }
.cw-attach svg { width: 22px; height: 22px; fill: currentColor; }
.cw-file-input { display: none; }
.cw-file { display: flex; flex-direction: column; gap: 4px; white-space: normal; }
.cw-bubble.cw-file + .cw-meta, .cw-bubble + .cw-bubble.cw-file { margin-top: 4px; }
/* A file on its way stays readable, and its Cancel plainly clickable. */
.cw-message[data-state="sending"] .cw-bubble.cw-file { opacity: 1; }
.cw-message[data-author="visitor"] .cw-bubble.cw-file { background: #fff; color: #1f2430; border-color: #95d5b2; }
.cw-file-link { display: flex; flex-direction: column; gap: 2px; color: #2d6a4f; text-decoration: none; border-radius: 6px; }
.cw-file-link:hover .cw-file-name { text-decoration: underline; }
.cw-file-thumbnail { display: block; align-self: flex-start; max-width: 200px; max-height: 150px; width: auto; height: auto; border-radius: 8px; background: #f1f3f5; }
.cw-file-head { display: flex; flex-direction: column; }
.cw-file-name { font-weight: 600; overflow-wrap: anywhere; }
.cw-file-size { font-size: 12px; color: #868e96; }
.cw-file-warning { font-size: 12px; color: #a61e4d; font-weight: 600; }
.cw-file-row { display: flex; align-items: center; gap: 10px; }
.cw-file-progress { flex: 1; min-width: 80px; height: 8px; }
.cw-file-error { margin: 0; font-size: 12px; color: #c92a2a; }
.cw-file-action { font-size: 12px; }
.cw-drop {
  position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; padding: 24px;
  text-align: center; font-weight: 600; color: #1b4332; background: rgba(216,243,220,.92);
  border: 3px dashed #2d6a4f; border-radius: 14px; pointer-events: none;
}
/* The assigned operator's picture, or their initials. */
.cw-avatar {
  flex: none; width: 36px; height: 36px; border-radius: 50%; overflow: hidden; background: #95d5b2; color: #1b4332;
  display: flex; align-items: center; justify-content: center; font-weight: 600; font-size: 14px;
}
.cw-avatar-picture { width: 100%; height: 100%; object-fit: cover; }
@media (max-width: 480px) {
  .cw-root { right: 10px; bottom: 10px; }
  .cw-window { width: calc(100vw - 20px); height: calc(100vh - 90px); }
}
`;
