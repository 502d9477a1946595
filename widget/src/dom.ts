// SPDX-License-Identifier: GPL-3.0-or-later
// The one DOM helper the views share. Text from the network never goes through here as markup:
// callers set textContent.

export function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    className: string,
    attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    node.className = className;
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    return node;
}
