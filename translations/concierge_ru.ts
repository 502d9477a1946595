<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>QObject</name>
    <message>
        <source>No such secret in the keychain</source>
        <translation>В связке ключей нет такого секрета</translation>
    </message>
    <message>
        <source>Could not delete the secret</source>
        <translation>Не удалось удалить секрет</translation>
    </message>
    <message>
        <source>Access to the keychain was denied</source>
        <translation>Доступ к связке ключей запрещён</translation>
    </message>
    <message>
        <source>No keychain is available</source>
        <translation>Связка ключей недоступна</translation>
    </message>
    <message>
        <source>The keychain does not support this</source>
        <translation>Связка ключей этого не поддерживает</translation>
    </message>
    <message>
        <source>The keychain failed</source>
        <translation>Ошибка связки ключей</translation>
    </message>
</context>
<context>
    <name>concierge::Application</name>
    <message>
        <source>Concierge</source>
        <translation>Консьерж</translation>
    </message>
    <message>
        <source>The local cache could not be opened:
%1</source>
        <translation>Не удалось открыть локальный кэш:
%1</translation>
    </message>
    <message>
        <source>Your saved login could not be read from the system keychain (%1). Please log in again.</source>
        <translation>Сохранённый вход не удалось прочитать из системной связки ключей (%1). Войдите снова.</translation>
    </message>
    <message>
        <source>Concierge could not remember your login last time because the system keychain is not available (%1). Your password is never stored on disk, so please log in again.</source>
        <translation>В прошлый раз Консьерж не смог запомнить вход: системная связка ключей недоступна (%1). Пароль никогда не хранится на диске, поэтому войдите снова.</translation>
    </message>
</context>
<context>
    <name>concierge::OperatorSession</name>
    <message>
        <source>Not connected to the server</source>
        <translation>Нет соединения с сервером</translation>
    </message>
    <message>
        <source>The reply could not be saved: %1</source>
        <translation>Не удалось сохранить ответ: %1</translation>
    </message>
</context>
<context>
    <name>concierge::VisitorListModel</name>
    <message>
        <source>Waiting for reply (%1)</source>
        <translation>Ожидают ответа (%1)</translation>
    </message>
    <message>
        <source>In dialog (%1)</source>
        <translation>В диалоге (%1)</translation>
    </message>
    <message>
        <source>Others (%1)</source>
        <translation>Прочие (%1)</translation>
    </message>
    <message>
        <source>Visitor %1</source>
        <translation>Посетитель %1</translation>
    </message>
</context>
<context>
    <name>concierge::ui::ConnectionStatusLabel</name>
    <message>
        <source>Connected</source>
        <translation>Подключено</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message numerus="yes">
        <source>Connection lost — reconnecting in %n s</source>
        <translation>
            <numerusform>Связь потеряна — переподключение через %n с</numerusform>
            <numerusform>Связь потеряна — переподключение через %n с</numerusform>
            <numerusform>Связь потеряна — переподключение через %n с</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Не в сети</translation>
    </message>
    <message numerus="yes">
        <source>%n unsent reply(s)</source>
        <translation>
            <numerusform>%n неотправленный ответ</numerusform>
            <numerusform>%n неотправленных ответа</numerusform>
            <numerusform>%n неотправленных ответов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>concierge::ui::DialogPane</name>
    <message>
        <source>&amp;Take dialog</source>
        <translation>&amp;Взять диалог</translation>
    </message>
    <message>
        <source>C&amp;lose dialog</source>
        <translation>&amp;Закрыть диалог</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Отправить</translation>
    </message>
    <message>
        <source>Choose a visitor on the left to see the conversation.</source>
        <translation>Выберите посетителя слева, чтобы увидеть переписку.</translation>
    </message>
    <message>
        <source>Send the reply (Enter)</source>
        <translation>Отправить ответ (Enter)</translation>
    </message>
    <message>
        <source>The visitor is typing…</source>
        <translation>Посетитель печатает…</translation>
    </message>
    <message>
        <source>Visitor %1</source>
        <translation>Посетитель %1</translation>
    </message>
    <message>
        <source>Browsing the site — no chat started</source>
        <translation>Просматривает сайт — чат не начат</translation>
    </message>
    <message>
        <source>Waiting for a reply</source>
        <translation>Ждёт ответа</translation>
    </message>
    <message>
        <source>In dialog with you</source>
        <translation>В диалоге с вами</translation>
    </message>
    <message>
        <source>In dialog with another operator</source>
        <translation>В диалоге с другим оператором</translation>
    </message>
    <message>
        <source>Dialog closed</source>
        <translation>Диалог закрыт</translation>
    </message>
    <message>
        <source>This reply is %1 characters long; the limit is %2. Please shorten it.</source>
        <translation>В ответе %1 символов, а можно не больше %2. Сократите его.</translation>
    </message>
</context>
<context>
    <name>concierge::ui::LoginDialog</name>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>&amp;Запомнить меня на этом компьютере</translation>
    </message>
    <message>
        <source>Log in to Concierge</source>
        <translation>Вход в Консьерж</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Войти</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Вход…</translation>
    </message>
</context>
<context>
    <name>concierge::ui::MainWindow</name>
    <message>
        <source>Concierge</source>
        <translation>Консьерж</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Не в сети</translation>
    </message>
    <message>
        <source>Only Online operators get new dialogs (Ctrl+Shift+O switches)</source>
        <translation>Новые диалоги получают только операторы в сети (Ctrl+Shift+O переключает)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>My status:</source>
        <translation>Мой статус:</translation>
    </message>
    <message>
        <source>Concierge — %1</source>
        <translation>Консьерж — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Switch &amp;Online/Offline</source>
        <translation>&amp;В сети / не в сети</translation>
    </message>
    <message>
        <source>Go to the &amp;visitor list</source>
        <translation>К &amp;списку посетителей</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Выйти из учётной записи</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Вы&amp;ход</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>The new language is used from the next start of Concierge.</source>
        <translation>Новый язык будет применён при следующем запуске Консьержа.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About Concierge</source>
        <translation>&amp;О Консьерже</translation>
    </message>
    <message>
        <source>About Concierge</source>
        <translation>О Консьерже</translation>
    </message>
    <message>
        <source>Concierge %1 — live chat for your website.
Licensed under GPL-3.0-or-later.</source>
        <translation>Консьерж %1 — онлайн-чат для вашего сайта.
Лицензия GPL-3.0-or-later.</translation>
    </message>
</context>
<context>
    <name>concierge::ui::MessageDelegate</name>
    <message>
        <source>System</source>
        <translation>Система</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>Посетитель</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>отправляется…</translation>
    </message>
</context>
<context>
    <name>concierge::ui::ReplyEditor</name>
    <message>
        <source>Type a reply — Enter sends, Shift+Enter starts a new line</source>
        <translation>Введите ответ — Enter отправляет, Shift+Enter начинает новую строку</translation>
    </message>
</context>
<context>
    <name>concierge::ui::VisitorInfoPane</name>
    <message>
        <source>No visitor selected.</source>
        <translation>Посетитель не выбран.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Местоположение</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>Браузер</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>ОС</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-адрес</translation>
    </message>
    <message>
        <source>Current page</source>
        <translation>Текущая страница</translation>
    </message>
    <message>
        <source>Came from</source>
        <translation>Источник перехода</translation>
    </message>
    <message>
        <source>UTM tags</source>
        <translation>UTM-метки</translation>
    </message>
    <message>
        <source>Pages visited</source>
        <translation>Посещённые страницы</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <source>Direct visit</source>
        <translation>Прямой заход</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Concierge operator app</source>
        <translation>Рабочее место оператора Консьержа</translation>
    </message>
    <message>
        <source>Server address to log in to.</source>
        <translation>Адрес сервера для входа.</translation>
    </message>
    <message>
        <source>Operator email to log in with.</source>
        <translation>Эл. почта оператора для входа.</translation>
    </message>
    <message>
        <source>Name of an environment variable holding the password (never pass a password on the command line).</source>
        <translation>Имя переменной окружения с паролем (никогда не передавайте пароль в командной строке).</translation>
    </message>
    <message>
        <source>Folder for the local cache (default: the user&apos;s app data).</source>
        <translation>Папка локального кэша (по умолчанию — данные приложения пользователя).</translation>
    </message>
    <message>
        <source>Interface language (en, ru); default: the saved setting or the system&apos;s.</source>
        <translation>Язык интерфейса (en, ru); по умолчанию — сохранённая настройка или язык системы.</translation>
    </message>
    <message>
        <source>Switch to Online right after logging in.</source>
        <translation>Перейти в статус «В сети» сразу после входа.</translation>
    </message>
</context>
</TS>
