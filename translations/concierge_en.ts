<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Autostart</name>
    <message>
        <source>The autostart entry %1 could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The autostart entry %1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryWorkbook</name>
    <message>
        <source>The workbook could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook could not be written: the sheet “%1” could not be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook “%1” could not be started (out of memory?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook cannot hold more than %1 dialogs; export fewer at a time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageNames</name>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belarusian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>German</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Italian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>language name and its code</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No such secret in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the keychain was denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain does not support this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusPresentation</name>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invisible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before lunch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SystemLineText</name>
    <message>
        <source>An operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 transferred the dialog to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 transferred the dialog to the %2 department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 transferred the dialog to operators speaking %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 returned the dialog to the common queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <comment>a transfer and the comment written with it</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 took over the dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 took over the dialog from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact details requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requested the visitor&apos;s contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visitor left contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visitor left contact details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visitor rated the dialog %1/5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visitor rated the dialog %1/5: “%2”</source>
        <comment>score, then the visitor&apos;s comment</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 banned the visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 banned the visitor: %2</source>
        <comment>who banned, then the reason they gave</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply was emailed to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply could not be emailed to %1: %2</source>
        <comment>the address, then the mail server&apos;s reason</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 emailed the transcript to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 emailed the transcript to %2 (%3)</source>
        <comment>who sent it, to whom, their address</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranscriptText</name>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[file: %1, %2]</source>
        <comment>a file sent in the dialog: its name, its size</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor&apos;s name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialog #%1 with %2</source>
        <comment>mail subject of a transcript: dialog number, visitor&apos;s name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <comment>file size</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KB</source>
        <comment>file size in kilobytes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <comment>file size in megabytes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd.MM.yyyy</source>
        <comment>date format of transcripts, as QDateTime::toString() reads it</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the last %1 messages of the dialog are included; earlier ones, if any, are not.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::AlertPolicy</name>
    <message>
        <source>Visitor %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is waiting for a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dialog was transferred to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 transferred a dialog to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n visitor(s) waiting for a reply</source>
        <translation>
            <numerusform>%n visitor waiting for a reply</numerusform>
            <numerusform>%n visitors waiting for a reply</numerusform>
        </translation>
    </message>
    <message>
        <source>Longest waiting: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::Application</name>
    <message>
        <source>Concierge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache could not be opened:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved login could not be read from the system keychain (%1). Please log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concierge could not remember your login last time because the system keychain is not available (%1). Your password is never stored on disk, so please log in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::FileDownload</name>
    <message>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::FileTransfer</name>
    <message>
        <source>Could not reach the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no dialog to send the file to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2; the server accepts files up to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large to preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture is empty or could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture is %1; an avatar may be up to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::FileUpload</name>
    <message>
        <source>The server&apos;s answer was not understood.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::HistoryArchive</name>
    <message>
        <source>The connection to the server was lost before it answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent no dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialog could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::HistoryExportJob</name>
    <message>
        <source>Dialogs</source>
        <comment>Excel export: sheet name (at most 31 characters)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <comment>Excel export: sheet name (at most 27 characters)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>Excel export: a continued sheet&apos;s name: the first sheet&apos;s name, its number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <comment>Excel export: column of the dialog&apos;s number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <comment>Excel export: column, when the dialog started</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <comment>Excel export: column, when the dialog was closed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor</source>
        <comment>Excel export: column, the visitor&apos;s name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <comment>Excel export: column, the operator&apos;s name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <comment>Excel export: column</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <comment>Excel export: column</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <comment>Excel export: column, the visitor&apos;s score 1-5</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <comment>Excel export: column, how many messages the dialog has</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <comment>Excel export: column, the contact details the visitor left</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline request</source>
        <comment>Excel export: column</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialog</source>
        <comment>Excel export: column, the dialog&apos;s number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <comment>Excel export: column</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <comment>Excel export: column, Visitor/Operator/System</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <comment>Excel export: column, the author&apos;s name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <comment>Excel export: column, the message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor</source>
        <comment>Excel export: author of a line</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <comment>Excel export: author of a line</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <comment>Excel export: author of a line (an event)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[file: %1, %2]</source>
        <comment>Excel export: a file sent in the dialog: name, size</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <comment>Excel export: the dialog is an offline request</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialog #%1 is not in this computer&apos;s history cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history cache could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to “%1”: %2.</source>
        <comment>folder, the system&apos;s reason</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::HistoryListModel</name>
    <message>
        <source>Visitor %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n dialog(s)</source>
        <translation>
            <numerusform>%n dialog</numerusform>
            <numerusform>%n dialogs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dialog(s) so far</source>
        <translation>
            <numerusform>%n dialog so far</numerusform>
            <numerusform>%n dialogs so far</numerusform>
        </translation>
    </message>
    <message>
        <source>The history is not on this computer yet — searching the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialogs before %1 are not on this computer yet — searching the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1. The history is not on this computer yet — %n found on the server.</source>
        <translation>
            <numerusform>%1. The history is not on this computer yet — %n found on the server.</numerusform>
            <numerusform>%1. The history is not on this computer yet — %n found on the server.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1. Dialogs before %2 are not on this computer yet — %n found on the server.</source>
        <translation>
            <numerusform>%1. Dialogs before %2 are not on this computer yet — %n found on the server.</numerusform>
            <numerusform>%1. Dialogs before %2 are not on this computer yet — %n found on the server.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1. The server could not be searched: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rated %1 of 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found on the server: its lines are fetched when you open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::HistorySearchWorker</name>
    <message>
        <source>This cache is not kept in a file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::OperatorSession</name>
    <message>
        <source>Not connected to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are Offline. Choose another status to work with dialogs and the operator chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the server: the transcript was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was lost; the transcript may not have been sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::TemplateLibrary</name>
    <message>
        <source>Not connected to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the server was lost before it answered. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::VisitorListModel</name>
    <message>
        <source>Waiting for reply (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In dialog (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Others (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline requests (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common queue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other chats (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::AlertSettingsPage</name>
    <message>
        <source>A visitor is waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new message in my dialog (window in the background)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dialog is transferred to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My name in the operators&apos; chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An incoming call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Come back automatically when I use the computer again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Concierge when I log in to the computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play this sound with the volume and device chosen here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Volume:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Output device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat a waiting visitor&apos;s sound every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Louder after this many repeats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When I am away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a &amp;personal break after no input for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting with the system could not be changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::AlertSounds</name>
    <message>
        <source>Sounds play on the system&apos;s default output (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sounds play on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen sound device is not connected: sounds play on the default output (%1) until it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sound output device is available: alerts are shown, but no sound plays.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::AvatarEditor</name>
    <message>
        <source>Choose &amp;picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PNG, JPEG, GIF or WebP image up to 1 MB; visitors see it beside your replies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Visitors see the new picture from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This picture is too big: the limit is 1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a picture the server accepts (PNG, JPEG, GIF or WebP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::BanDialog</name>
    <message>
        <source>Ban the visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ban</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional; colleagues see it in the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also ban their IP address (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone who writes from this address is refused too — possibly a whole office or mobile network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will not be able to write to you any more: their open dialog is closed and the chat window shows them a neutral notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone else writing from the same IP address is refused as well.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::BansDialog</name>
    <message>
        <source>&amp;Lift ban…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor or IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Banned by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the bans…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, IP %2</source>
        <comment>a banned visitor and their banned address</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is banned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bans in force: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift the ban</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift the ban on %1? They will be able to write to you again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lift ban</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifting the ban…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bans could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ban was not lifted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::ConnectionStatusLabel</name>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connection lost — reconnecting in %n s</source>
        <translation>
            <numerusform>Connection lost — reconnecting in %n s</numerusform>
            <numerusform>Connection lost — reconnecting in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unsent reply(s)</source>
        <translation>
            <numerusform>%n unsent reply</numerusform>
            <numerusform>%n unsent replies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>concierge::ui::DialogActionsBar</name>
    <message>
        <source>C&amp;ategory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request &amp;contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ban visitor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone who opens this dialog sees its category; it also shows in the visitor list (Ctrl+Shift+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visitor&apos;s chat window asks for their name, email and phone (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visitor can no longer write to you; you confirm first (Ctrl+Shift+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the dialog&apos;s category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ban the visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact details were not requested: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The category was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this visitor or their IP address is already banned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visitor was not banned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email transcript…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transcript of dialog #%1 was sent to %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email the transcript…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail this dialog&apos;s text to you or a colleague (Ctrl+Shift+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot send mail: no mail server is set up in its configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are Offline. Choose another status to mail a transcript.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transcript was not sent. %1</source>
        <comment>then the server&apos;s reason</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transcript of dialog #%1 was sent to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::DialogFiles</name>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a file to the visitor (%1). You can also drop files here or paste a picture into the reply box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send files to the visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pasted image.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this picture to the visitor?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 × %3 pixels, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a program?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a program or a script. Running files from people you do not know can harm this computer. Save it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not sent: it is larger than %2, the most the server accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not sent: it is larger than the server accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not sent: the server refused it (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not sent: not connected to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not sent: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::DialogPane</name>
    <message>
        <source>&amp;Take dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a visitor on the left to see the conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the reply (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visitor is typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browsing the site — no chat started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In dialog with you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialog closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This reply is %1 characters long; the limit is %2. Please shorten it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ransfer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visitor&apos;s dialog (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat with the other operators (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand this dialog to another operator, a department or the queue (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take &amp;over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialog becomes yours; this is written into its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are Offline. Choose another status to work with dialogs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You transferred this dialog; it is no longer yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer the dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialog was not transferred: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialog was not taken over: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This dialog is no longer shown to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for your reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a reply from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In dialog with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are watching %1&apos;s dialog. The visitor does not see you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not online any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody in %1 is online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody speaking %1 is online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rated %1/5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rated %1/5: %2</source>
        <comment>the visitor&apos;s score, then their comment</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send by &amp;email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the reply (Enter); it is also emailed to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>name, email</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::FileUploadBar</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop sending this file; the visitor gets nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %1 (%2 more waiting)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1 (%2 more waiting)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop saving this file; nothing is written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::HistoryExporter</name>
    <message numerus="yes">
        <source>Export %n dialog(s) as text</source>
        <translation>
            <numerusform>Export %n dialog as text</numerusform>
            <numerusform>Export %n dialogs as text</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export %n dialog(s) to Excel</source>
        <translation>
            <numerusform>Export %n dialog to Excel</numerusform>
            <numerusform>Export %n dialogs to Excel</numerusform>
        </translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Preparing %n dialog(s)…</source>
        <translation>
            <numerusform>Preparing %n dialog…</numerusform>
            <numerusform>Preparing %n dialogs…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialogs could not be loaded from the server, so nothing was exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n dialog(s) to %1</source>
        <translation>
            <numerusform>Exported %n dialog to %1</numerusform>
            <numerusform>Exported %n dialogs to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %n dialog(s)…</source>
        <translation>
            <numerusform>Exported %1 of %n dialog…</numerusform>
            <numerusform>Exported %1 of %n dialogs…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>concierge::ui::HistoryFilterBar</name>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline requests only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only dialogs started on or after this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only dialogs started on or before this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visitor left a name, email or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::HistoryTranscriptView</name>
    <message>
        <source>Select a dialog to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialog #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This dialog has no lines.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::HistoryVisitorCard</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Came from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTM tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages visited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>stars, then the visitor&apos;s comment</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::HistoryWindow</name>
    <message>
        <source>Export as text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialog history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by visitor name or words of the dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a dialog to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dialogs match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This dialog could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>History on this computer: complete (%Ln dialog(s))</source>
        <translation>
            <numerusform>History on this computer: complete (%Ln dialog)</numerusform>
            <numerusform>History on this computer: complete (%Ln dialogs)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>History on this computer: %Ln dialog(s)</source>
        <translation>
            <numerusform>History on this computer: %Ln dialog</numerusform>
            <numerusform>History on this computer: %Ln dialogs</numerusform>
        </translation>
    </message>
    <message>
        <source>Searchable here without the server: dialogs since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected dialogs as a text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected dialogs as an Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every dialog found, not only the selected ones (at most %L1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Gathering every dialog found: %Ln so far…</source>
        <translation>
            <numerusform>Gathering every dialog found: %Ln so far…</numerusform>
            <numerusform>Gathering every dialog found: %Ln so far…</numerusform>
        </translation>
    </message>
    <message>
        <source>Filters (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be searched: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dialogs yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>History on this computer: %1 of %Ln dialog(s)</source>
        <translation>
            <numerusform>History on this computer: %1 of %Ln dialog</numerusform>
            <numerusform>History on this computer: %1 of %Ln dialogs</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the dialogs to export, or use Export all found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search changed, so nothing was exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dialogs were found, so nothing was exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More dialogs were found: only the newest %L1 go in one export; narrow the search (dates, filters) for the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all found as text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all found to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export is running — cancel it? Nothing of it is written then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep exporting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::LoginDialog</name>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to Concierge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::MainWindow</name>
    <message>
        <source>Concierge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concierge — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch &amp;Online/Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;visitor list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used from the next start of Concierge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Concierge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Concierge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concierge %1 — live chat for your website.
Licensed under GPL-3.0-or-later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bans…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a visitor by &amp;teleport code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alerts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concierge is still running in the system tray, so you hear and see every new visitor. Click its icon to open the window again; choose Quit in its menu to stop it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concierge is still running (minimised), so you hear and see every new visitor. Choose File → Quit to stop it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concierge keeps running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::MessageDelegate</name>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>file name, then its size</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · double-click to save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A program or script: save it only if you trust the sender</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::OperatorChatPane</name>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to all operators — Enter sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a name to address them in your message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message is %1 characters long; the limit is %2. Please shorten it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are Offline. Choose another status to work with dialogs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages yet. Everything written here reaches every operator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::OperatorListDelegate</name>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::ProfileDialog</name>
    <message>
        <source>&amp;Save profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hange password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitors and colleagues see this name; lines already written keep the old one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. pl, pt-br</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>At least %n character</numerusform>
            <numerusform>At least %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Languages I speak:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Other language codes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat the new password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Colleagues see the new name and languages now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was changed. Use the new one from your next login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name visitors and colleagues will see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a language code; use two or three letters, such as de or pt-br.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The new password needs at least %n characters.</source>
        <translation>
            <numerusform>The new password needs at least %n character.</numerusform>
            <numerusform>The new password needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two new passwords differ; type the same one twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You log in with this address, and transcripts colleagues send you arrive there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. From now on you log in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an email address such as anna@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address was not accepted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::RedirectDialog</name>
    <message>
        <source>Redirect the visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open for the visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s browser tab will open this address in place of the page they are on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address of a page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only web addresses starting with http:// or https:// can be opened for the visitor.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::ReplyEditor</name>
    <message>
        <source>Type a reply — Enter sends, Shift+Enter starts a new line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new line in the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the template above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the template below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the chosen template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the chosen template in the reply box to edit it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the suggestions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::ReplyTemplates</name>
    <message>
        <source>Save the reply as my template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the reply as my template (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1 cannot be filled in for this visitor. Replace it in the reply box, then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be filled in for this visitor; replace it before sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send with unfilled variables?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be filled in for this visitor and would reach them exactly as typed, braces included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the reply first, then save it as your template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as your template “%1”; it is suggested as you type.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::SaveTemplateDialog</name>
    <message>
        <source>New shared template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as my template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivery, payment — separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables are filled in when sent: {visitor.name|there}, {operator.name}, {site}, {page.title}, {contact.email}. After | comes what to write when the value is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the template a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template has no text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is %1 characters long; a template may have at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is too long for a template (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only administrators may change shared templates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the server; try again once the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the reply box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While templates are suggested</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::StatusComboBox</name>
    <message>
        <source>Only Online operators get new dialogs. Offline closes dialogs and the operator chat.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::TeleportCodeField</name>
    <message>
        <source>Teleport code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The six digits a visitor reads out from the site&apos;s phone support block; Enter opens their card (Ctrl+Shift+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A teleport code has six digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No visitor has this code. Codes last 10 minutes; ask the visitor for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code was not looked up: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::TemplateHistoryDialog</name>
    <message>
        <source>&amp;Restore this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the earlier versions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>when, who saved it</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This template has not been changed since it was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier versions, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::TemplateSuggestionDelegate</name>
    <message>
        <source>personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::TemplatesDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search titles, texts and tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>department %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only administrators change shared templates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No template matches the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No templates here yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a template to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the template “%1”? Operators will no longer be offered it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” had been changed by %2 (%3) while you edited it. Your version replaced theirs; theirs is kept in History.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::TranscriptRecipientDialog</name>
    <message>
        <source>Email the transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) — you</source>
        <comment>name, email</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>name, email</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the text of dialog #%1 to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators without an email address in their profile are not listed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::TransferDialog</name>
    <message>
        <source>Transfer the dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment for the receiver (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand the dialog to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>operator name — status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody else is online right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators speaking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the common queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every operator sees it under Waiting for reply; it will not come back to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::TrayIcon</name>
    <message>
        <source>Open Concierge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concierge — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitors waiting: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::VisitorInfoPane</name>
    <message>
        <source>No visitor selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Came from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTM tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages visited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Banned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visitor cannot write to the operators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redirect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a page in the visitor&apos;s browser tab (the selected one, or any address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visitor&apos;s tab is opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the visitor has left the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visitor was not redirected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are Offline. Choose another status to redirect visitors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visitor has left the site.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::VisitorListDelegate</name>
    <message>
        <source>From %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1: %2</source>
        <comment>who transferred the dialog, and their comment</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline request: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concierge::ui::VisitorListPane</name>
    <message>
        <source>Filter by name, page or text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+F to filter, Esc to clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the visitor list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Concierge operator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address to log in to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator email to log in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of an environment variable holding the password (never pass a password on the command line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the local cache (default: the user&apos;s app data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language (en, ru); default: the saved setting or the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to Online right after logging in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
