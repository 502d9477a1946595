<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
    <name>concierge::OperatorSession</name>
    <message>
        <source>Not connected to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply could not be saved: %1</source>
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
        <source>In dialog with another operator</source>
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
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only Online operators get new dialogs (Ctrl+Shift+O switches)</source>
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
</context>
<context>
    <name>concierge::ui::ReplyEditor</name>
    <message>
        <source>Type a reply — Enter sends, Shift+Enter starts a new line</source>
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
