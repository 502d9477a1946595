<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>Autostart</name>
    <message>
        <source>The autostart entry %1 could not be removed.</source>
        <translation>Не удалось удалить запись автозапуска %1.</translation>
    </message>
    <message>
        <source>The autostart entry %1 could not be written: %2</source>
        <translation>Не удалось записать запись автозапуска %1: %2</translation>
    </message>
</context>
<context>
    <name>HistoryWorkbook</name>
    <message>
        <source>The workbook could not be written: %1</source>
        <translation>Не удалось записать книгу: %1</translation>
    </message>
    <message>
        <source>The workbook could not be written: the sheet “%1” could not be added.</source>
        <translation>Не удалось записать книгу: не добавился лист «%1».</translation>
    </message>
    <message>
        <source>The workbook “%1” could not be started (out of memory?).</source>
        <translation>Не удалось начать книгу «%1» (не хватает памяти?).</translation>
    </message>
    <message>
        <source>The workbook is not open.</source>
        <translation>Книга не открыта.</translation>
    </message>
    <message>
        <source>The workbook cannot hold more than %1 dialogs; export fewer at a time.</source>
        <translation>В книгу помещается не больше %1 диалогов; экспортируйте меньше за раз.</translation>
    </message>
</context>
<context>
    <name>LanguageNames</name>
    <message>
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>русский</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>украинский</translation>
    </message>
    <message>
        <source>Belarusian</source>
        <translation>белорусский</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>казахский</translation>
    </message>
    <message>
        <source>German</source>
        <translation>немецкий</translation>
    </message>
    <message>
        <source>French</source>
        <translation>французский</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>испанский</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>итальянский</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>португальский</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>китайский</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>турецкий</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>language name and its code</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
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
    <name>StatusPresentation</name>
    <message>
        <source>Online</source>
        <translation>Онлайн</translation>
    </message>
    <message>
        <source>Invisible</source>
        <translation>Невидимка</translation>
    </message>
    <message>
        <source>Before lunch</source>
        <translation>Перед обедом</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Обед</translation>
    </message>
    <message>
        <source>Personal break</source>
        <translation>Личный перерыв</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Оффлайн</translation>
    </message>
</context>
<context>
    <name>SystemLineText</name>
    <message>
        <source>An operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>%1 transferred the dialog to %2</source>
        <translation>Диалог передан: %1 → %2</translation>
    </message>
    <message>
        <source>another operator</source>
        <translation>другой оператор</translation>
    </message>
    <message>
        <source>%1 transferred the dialog to the %2 department</source>
        <translation>Диалог передан: %1 → отдел «%2»</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другой</translation>
    </message>
    <message>
        <source>%1 transferred the dialog to operators speaking %2</source>
        <translation>Диалог передан: %1 → операторы со знанием языка «%2»</translation>
    </message>
    <message>
        <source>%1 returned the dialog to the common queue</source>
        <translation>Диалог передан: %1 → общая очередь</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <comment>a transfer and the comment written with it</comment>
        <translation>%1: «%2»</translation>
    </message>
    <message>
        <source>A supervisor</source>
        <translation>Супервизор</translation>
    </message>
    <message>
        <source>%1 took over the dialog</source>
        <translation>Диалог перехвачен: %1</translation>
    </message>
    <message>
        <source>%1 took over the dialog from %2</source>
        <translation>Диалог перехвачен: %2 → %1</translation>
    </message>
    <message>
        <source>Contact details requested</source>
        <translation>Запрошены контактные данные</translation>
    </message>
    <message>
        <source>%1 requested the visitor&apos;s contact details</source>
        <translation>Запрос контактных данных: %1</translation>
    </message>
    <message>
        <source>The visitor left contact details</source>
        <translation>Посетитель оставил контактные данные</translation>
    </message>
    <message>
        <source>The visitor left contact details: %1</source>
        <translation>Посетитель оставил контактные данные: %1</translation>
    </message>
    <message>
        <source>The visitor rated the dialog %1/5</source>
        <translation>Оценка посетителя: %1/5</translation>
    </message>
    <message>
        <source>The visitor rated the dialog %1/5: “%2”</source>
        <comment>score, then the visitor&apos;s comment</comment>
        <translation>Оценка посетителя: %1/5, «%2»</translation>
    </message>
    <message>
        <source>%1 banned the visitor</source>
        <translation>Посетитель заблокирован, оператор: %1</translation>
    </message>
    <message>
        <source>%1 banned the visitor: %2</source>
        <comment>who banned, then the reason they gave</comment>
        <translation>Посетитель заблокирован, оператор: %1. Причина: %2</translation>
    </message>
    <message>
        <source>The reply was emailed to %1</source>
        <translation>Ответ отправлен по электронной почте на %1</translation>
    </message>
    <message>
        <source>The reply could not be emailed to %1: %2</source>
        <comment>the address, then the mail server&apos;s reason</comment>
        <translation>Не удалось отправить ответ на %1: %2</translation>
    </message>
    <message>
        <source>an operator</source>
        <translation>оператор</translation>
    </message>
    <message>
        <source>%1 emailed the transcript to %2</source>
        <translation>%1 отправил(а) переписку на почту: %2</translation>
    </message>
    <message>
        <source>%1 emailed the transcript to %2 (%3)</source>
        <comment>who sent it, to whom, their address</comment>
        <translation>%1 отправил(а) переписку на почту: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>TranscriptText</name>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>[file: %1, %2]</source>
        <comment>a file sent in the dialog: its name, its size</comment>
        <translation>[файл: %1, %2]</translation>
    </message>
    <message>
        <source>Visitor&apos;s name: %1</source>
        <translation>Имя посетителя: %1</translation>
    </message>
    <message>
        <source>Dialog #%1 with %2</source>
        <comment>mail subject of a transcript: dialog number, visitor&apos;s name</comment>
        <translation>Диалог №%1 с посетителем %2</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <comment>file size</comment>
        <translation>%1 байт</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <comment>file size in kilobytes</comment>
        <translation>%1 КБ</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <comment>file size in megabytes</comment>
        <translation>%1 МБ</translation>
    </message>
    <message>
        <source>dd.MM.yyyy</source>
        <comment>date format of transcripts, as QDateTime::toString() reads it</comment>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>Only the last %1 messages of the dialog are included; earlier ones, if any, are not.</source>
        <translation>Включены только последние %1 сообщений диалога; более ранние, если они были, не вошли.</translation>
    </message>
</context>
<context>
    <name>concierge::AlertPolicy</name>
    <message>
        <source>Visitor %1</source>
        <translation>Посетитель %1</translation>
    </message>
    <message>
        <source>%1 is waiting for a reply</source>
        <translation>%1 ждёт ответа</translation>
    </message>
    <message>
        <source>A dialog was transferred to you</source>
        <translation>Вам передан диалог</translation>
    </message>
    <message>
        <source>%1 transferred a dialog to you</source>
        <translation>%1 передал(а) вам диалог</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Новое сообщение от %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Файл: %1</translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1 упомянул(а) вас</translation>
    </message>
    <message numerus="yes">
        <source>%n visitor(s) waiting for a reply</source>
        <translation>
            <numerusform>%n посетитель ждёт ответа</numerusform>
            <numerusform>%n посетителя ждут ответа</numerusform>
            <numerusform>%n посетителей ждут ответа</numerusform>
        </translation>
    </message>
    <message>
        <source>Longest waiting: %1</source>
        <translation>Дольше всех ждёт: %1</translation>
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
    <name>concierge::FileDownload</name>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
</context>
<context>
    <name>concierge::FileTransfer</name>
    <message>
        <source>Could not reach the server: %1</source>
        <translation>Не удалось связаться с сервером: %1</translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation>Сервер ответил: %1.</translation>
    </message>
    <message>
        <source>Not connected to the server</source>
        <translation>Нет соединения с сервером</translation>
    </message>
    <message>
        <source>There is no dialog to send the file to.</source>
        <translation>Нет диалога, в который можно отправить файл.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>Файл %1 пуст.</translation>
    </message>
    <message>
        <source>%1 is %2; the server accepts files up to %3.</source>
        <translation>Размер %1 — %2; сервер принимает файлы до %3.</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>Не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <source>The file is too large to preview.</source>
        <translation>Файл слишком велик для предпросмотра.</translation>
    </message>
    <message>
        <source>The picture is empty or could not be read.</source>
        <translation>Изображение пустое или не читается.</translation>
    </message>
    <message>
        <source>The picture is %1; an avatar may be up to %2.</source>
        <translation>Размер изображения — %1; аватар может быть не больше %2.</translation>
    </message>
</context>
<context>
    <name>concierge::FileUpload</name>
    <message>
        <source>The server&apos;s answer was not understood.</source>
        <translation>Ответ сервера не удалось разобрать.</translation>
    </message>
</context>
<context>
    <name>concierge::HistoryArchive</name>
    <message>
        <source>The connection to the server was lost before it answered.</source>
        <translation>Связь с сервером прервалась до его ответа.</translation>
    </message>
    <message>
        <source>Not connected to the server.</source>
        <translation>Нет связи с сервером.</translation>
    </message>
    <message>
        <source>The server sent no dialog.</source>
        <translation>Сервер не прислал диалог.</translation>
    </message>
    <message>
        <source>The dialog could not be stored: %1</source>
        <translation>Не удалось сохранить диалог: %1</translation>
    </message>
</context>
<context>
    <name>concierge::HistoryExportJob</name>
    <message>
        <source>Dialogs</source>
        <comment>Excel export: sheet name (at most 31 characters)</comment>
        <translation>Диалоги</translation>
    </message>
    <message>
        <source>Messages</source>
        <comment>Excel export: sheet name (at most 27 characters)</comment>
        <translation>Сообщения</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>Excel export: a continued sheet&apos;s name: the first sheet&apos;s name, its number</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Number</source>
        <comment>Excel export: column of the dialog&apos;s number</comment>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Start</source>
        <comment>Excel export: column, when the dialog started</comment>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <comment>Excel export: column, when the dialog was closed</comment>
        <translation>Конец</translation>
    </message>
    <message>
        <source>Visitor</source>
        <comment>Excel export: column, the visitor&apos;s name</comment>
        <translation>Посетитель</translation>
    </message>
    <message>
        <source>Operator</source>
        <comment>Excel export: column, the operator&apos;s name</comment>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Department</source>
        <comment>Excel export: column</comment>
        <translation>Отдел</translation>
    </message>
    <message>
        <source>Category</source>
        <comment>Excel export: column</comment>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Rating</source>
        <comment>Excel export: column, the visitor&apos;s score 1-5</comment>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Messages</source>
        <comment>Excel export: column, how many messages the dialog has</comment>
        <translation>Сообщения</translation>
    </message>
    <message>
        <source>Contact</source>
        <comment>Excel export: column, the contact details the visitor left</comment>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Offline request</source>
        <comment>Excel export: column</comment>
        <translation>Офлайн-заявка</translation>
    </message>
    <message>
        <source>Dialog</source>
        <comment>Excel export: column, the dialog&apos;s number</comment>
        <translation>Диалог</translation>
    </message>
    <message>
        <source>Time</source>
        <comment>Excel export: column</comment>
        <translation>Время</translation>
    </message>
    <message>
        <source>Author</source>
        <comment>Excel export: column, Visitor/Operator/System</comment>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>Excel export: column, the author&apos;s name</comment>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Text</source>
        <comment>Excel export: column, the message</comment>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Visitor</source>
        <comment>Excel export: author of a line</comment>
        <translation>Посетитель</translation>
    </message>
    <message>
        <source>Operator</source>
        <comment>Excel export: author of a line</comment>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>System</source>
        <comment>Excel export: author of a line (an event)</comment>
        <translation>Система</translation>
    </message>
    <message>
        <source>[file: %1, %2]</source>
        <comment>Excel export: a file sent in the dialog: name, size</comment>
        <translation>[файл: %1, %2]</translation>
    </message>
    <message>
        <source>Yes</source>
        <comment>Excel export: the dialog is an offline request</comment>
        <translation>Да</translation>
    </message>
    <message>
        <source>Dialog #%1 is not in this computer&apos;s history cache.</source>
        <translation>Диалога №%1 нет в истории на этом компьютере.</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>Экспорт отменён.</translation>
    </message>
    <message>
        <source>The history cache could not be opened: %1</source>
        <translation>Не удалось открыть историю на этом компьютере: %1</translation>
    </message>
    <message>
        <source>Cannot write to “%1”: %2.</source>
        <comment>folder, the system&apos;s reason</comment>
        <translation>Не удалось записать в «%1»: %2.</translation>
    </message>
</context>
<context>
    <name>concierge::HistoryListModel</name>
    <message>
        <source>Visitor %1</source>
        <translation>Посетитель %1</translation>
    </message>
    <message numerus="yes">
        <source>%n dialog(s)</source>
        <translation>
            <numerusform>%n диалог</numerusform>
            <numerusform>%n диалога</numerusform>
            <numerusform>%n диалогов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dialog(s) so far</source>
        <translation>
            <numerusform>Пока %n диалог</numerusform>
            <numerusform>Пока %n диалога</numerusform>
            <numerusform>Пока %n диалогов</numerusform>
        </translation>
    </message>
    <message>
        <source>The history is not on this computer yet — searching the server…</source>
        <translation>Истории пока нет на этом компьютере — ищем на сервере…</translation>
    </message>
    <message>
        <source>Dialogs before %1 are not on this computer yet — searching the server…</source>
        <translation>Диалогов до %1 пока нет на этом компьютере — ищем на сервере…</translation>
    </message>
    <message numerus="yes">
        <source>%1. The history is not on this computer yet — %n found on the server.</source>
        <translation>
            <numerusform>%1. Истории пока нет на этом компьютере — на сервере найден %n.</numerusform>
            <numerusform>%1. Истории пока нет на этом компьютере — на сервере найдено %n.</numerusform>
            <numerusform>%1. Истории пока нет на этом компьютере — на сервере найдено %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1. Dialogs before %2 are not on this computer yet — %n found on the server.</source>
        <translation>
            <numerusform>%1. Диалогов до %2 пока нет на этом компьютере — на сервере найден %n.</numerusform>
            <numerusform>%1. Диалогов до %2 пока нет на этом компьютере — на сервере найдено %n.</numerusform>
            <numerusform>%1. Диалогов до %2 пока нет на этом компьютере — на сервере найдено %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1. The server could not be searched: %2</source>
        <translation>%1. Не удалось выполнить поиск на сервере: %2</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>Rated %1 of 5</source>
        <translation>Оценка %1 из 5</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Ещё открыт</translation>
    </message>
    <message>
        <source>Found on the server: its lines are fetched when you open it.</source>
        <translation>Найден на сервере: сообщения загрузятся, когда вы его откроете.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Конец</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>Посетитель</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Отдел</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Сообщений</translation>
    </message>
</context>
<context>
    <name>concierge::HistorySearchWorker</name>
    <message>
        <source>This cache is not kept in a file.</source>
        <translation>Этот кэш не хранится в файле.</translation>
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
    <message>
        <source>You are Offline. Choose another status to work with dialogs and the operator chat.</source>
        <translation>Вы в статусе «Оффлайн». Выберите другой статус, чтобы работать с диалогами и чатом операторов.</translation>
    </message>
    <message>
        <source>The message could not be saved: %1</source>
        <translation>Не удалось сохранить сообщение: %1</translation>
    </message>
    <message>
        <source>Visitor %1</source>
        <translation>Посетитель %1</translation>
    </message>
    <message>
        <source>Not connected to the server: the transcript was not sent.</source>
        <translation>Нет соединения с сервером: переписка не отправлена.</translation>
    </message>
    <message>
        <source>The connection was lost; the transcript may not have been sent.</source>
        <translation>Соединение прервалось; переписка могла не уйти.</translation>
    </message>
</context>
<context>
    <name>concierge::TemplateLibrary</name>
    <message>
        <source>Not connected to the server</source>
        <translation>Нет соединения с сервером</translation>
    </message>
    <message>
        <source>The connection to the server was lost before it answered. Try again.</source>
        <translation>Соединение с сервером прервалось до его ответа. Попробуйте ещё раз.</translation>
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
    <message>
        <source>Offline requests (%1)</source>
        <translation>Оффлайн-обращения (%1)</translation>
    </message>
    <message>
        <source>Common queue (%1)</source>
        <translation>Общая очередь (%1)</translation>
    </message>
    <message>
        <source>Other chats (%1)</source>
        <translation>Диалоги коллег (%1)</translation>
    </message>
</context>
<context>
    <name>concierge::ui::AlertSettingsPage</name>
    <message>
        <source>A visitor is waiting</source>
        <translation>Посетитель ждёт</translation>
    </message>
    <message>
        <source>A new message in my dialog (window in the background)</source>
        <translation>Новое сообщение в моём диалоге (окно в фоне)</translation>
    </message>
    <message>
        <source>A dialog is transferred to me</source>
        <translation>Мне передан диалог</translation>
    </message>
    <message>
        <source>My name in the operators&apos; chat</source>
        <translation>Моё имя в чате операторов</translation>
    </message>
    <message>
        <source>An incoming call</source>
        <translation>Входящий звонок</translation>
    </message>
    <message>
        <source>Come back automatically when I use the computer again</source>
        <translation>Возвращаться автоматически, когда я снова за компьютером</translation>
    </message>
    <message>
        <source>Start Concierge when I log in to the computer</source>
        <translation>Запускать Concierge при входе в систему</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Оповещения</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Уведомление</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Звук</translation>
    </message>
    <message>
        <source>%1: notification</source>
        <translation>%1: уведомление</translation>
    </message>
    <message>
        <source>%1: sound</source>
        <translation>%1: звук</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <source>Play this sound with the volume and device chosen here</source>
        <translation>Проиграть этот звук с выбранными здесь громкостью и устройством</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>&amp;Volume:</source>
        <translation>&amp;Громкость:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Системное по умолчанию</translation>
    </message>
    <message>
        <source>&amp;Output device:</source>
        <translation>&amp;Устройство вывода:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>&amp;Repeat a waiting visitor&apos;s sound every:</source>
        <translation>&amp;Повторять звук ждущего посетителя каждые:</translation>
    </message>
    <message>
        <source>&amp;Louder after this many repeats:</source>
        <translation>Гр&amp;омче после стольких повторов:</translation>
    </message>
    <message>
        <source>When I am away</source>
        <translation>Когда меня нет</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Никогда</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Take a &amp;personal break after no input for:</source>
        <translation>Уходить на &amp;перерыв, если нет ввода:</translation>
    </message>
    <message>
        <source>Not connected (%1)</source>
        <translation>Не подключено (%1)</translation>
    </message>
    <message>
        <source>Starting with the system could not be changed: %1</source>
        <translation>Не удалось изменить автозапуск: %1</translation>
    </message>
</context>
<context>
    <name>concierge::ui::AlertSounds</name>
    <message>
        <source>Sounds play on the system&apos;s default output (%1).</source>
        <translation>Звуки звучат через устройство по умолчанию (%1).</translation>
    </message>
    <message>
        <source>Sounds play on %1.</source>
        <translation>Звуки звучат через %1.</translation>
    </message>
    <message>
        <source>The chosen sound device is not connected: sounds play on the default output (%1) until it is back.</source>
        <translation>Выбранное звуковое устройство не подключено: звуки звучат через устройство по умолчанию (%1), пока оно не вернётся.</translation>
    </message>
    <message>
        <source>No sound output device is available: alerts are shown, but no sound plays.</source>
        <translation>Нет устройства вывода звука: оповещения показываются, но звука не будет.</translation>
    </message>
</context>
<context>
    <name>concierge::ui::AvatarEditor</name>
    <message>
        <source>Choose &amp;picture…</source>
        <translation>&amp;Выбрать изображение…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>A PNG, JPEG, GIF or WebP image up to 1 MB; visitors see it beside your replies.</source>
        <translation>Изображение PNG, JPEG, GIF или WebP до 1 МБ; посетители видят его рядом с вашими ответами.</translation>
    </message>
    <message>
        <source>The picture was removed.</source>
        <translation>Изображение удалено.</translation>
    </message>
    <message>
        <source>Saved. Visitors see the new picture from now on.</source>
        <translation>Сохранено. Теперь посетители видят новое изображение.</translation>
    </message>
    <message>
        <source>This picture is too big: the limit is 1 MB.</source>
        <translation>Изображение слишком большое: предел — 1 МБ.</translation>
    </message>
    <message>
        <source>This file is not a picture the server accepts (PNG, JPEG, GIF or WebP).</source>
        <translation>Этот файл — не изображение, которое принимает сервер (PNG, JPEG, GIF или WebP).</translation>
    </message>
    <message>
        <source>The picture was not changed: %1</source>
        <translation>Изображение не изменено: %1</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>Выбор изображения</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
</context>
<context>
    <name>concierge::ui::BanDialog</name>
    <message>
        <source>Ban the visitor</source>
        <translation>Блокировка посетителя</translation>
    </message>
    <message>
        <source>&amp;Ban</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Optional; colleagues see it in the history</source>
        <translation>Необязательно; коллеги увидят её в истории</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 час</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 день</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 неделя</translation>
    </message>
    <message>
        <source>Forever</source>
        <translation>Навсегда</translation>
    </message>
    <message>
        <source>Also ban their IP address (%1)</source>
        <translation>Заблокировать и IP-адрес (%1)</translation>
    </message>
    <message>
        <source>Everyone who writes from this address is refused too — possibly a whole office or mobile network.</source>
        <translation>Писать не сможет никто с этого адреса — возможно, целый офис или мобильная сеть.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Срок:</translation>
    </message>
    <message>
        <source>%1 will not be able to write to you any more: their open dialog is closed and the chat window shows them a neutral notice.</source>
        <translation>%1 больше не сможет писать вам: открытый диалог будет закрыт, а в окне чата посетитель увидит нейтральное сообщение.</translation>
    </message>
    <message>
        <source>Anyone else writing from the same IP address is refused as well.</source>
        <translation>С того же IP-адреса не сможет писать и никто другой.</translation>
    </message>
</context>
<context>
    <name>concierge::ui::BansDialog</name>
    <message>
        <source>&amp;Lift ban…</source>
        <translation>&amp;Снять блокировку…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Bans</source>
        <translation>Блокировки</translation>
    </message>
    <message>
        <source>Visitor or IP address</source>
        <translation>Посетитель или IP-адрес</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Banned by</source>
        <translation>Кто заблокировал</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Loading the bans…</source>
        <translation>Загрузка блокировок…</translation>
    </message>
    <message>
        <source>IP %1</source>
        <translation>IP %1</translation>
    </message>
    <message>
        <source>Visitor %1</source>
        <translation>Посетитель %1</translation>
    </message>
    <message>
        <source>%1, IP %2</source>
        <comment>a banned visitor and their banned address</comment>
        <translation>%1, IP %2</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Бессрочно</translation>
    </message>
    <message>
        <source>Nobody is banned.</source>
        <translation>Заблокированных нет.</translation>
    </message>
    <message>
        <source>Bans in force: %1</source>
        <translation>Действующих блокировок: %1</translation>
    </message>
    <message>
        <source>Lift the ban</source>
        <translation>Снятие блокировки</translation>
    </message>
    <message>
        <source>Lift the ban on %1? They will be able to write to you again.</source>
        <translation>Снять блокировку (%1)? Посетитель снова сможет писать вам.</translation>
    </message>
    <message>
        <source>&amp;Lift ban</source>
        <translation>&amp;Снять блокировку</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Lifting the ban…</source>
        <translation>Снятие блокировки…</translation>
    </message>
    <message>
        <source>The bans could not be loaded: %1</source>
        <translation>Не удалось загрузить блокировки: %1</translation>
    </message>
    <message>
        <source>The ban was not lifted: %1</source>
        <translation>Блокировка не снята: %1</translation>
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
    <name>concierge::ui::DialogActionsBar</name>
    <message>
        <source>C&amp;ategory:</source>
        <translation>Кат&amp;егория:</translation>
    </message>
    <message>
        <source>Request &amp;contact details</source>
        <translation>Запросить &amp;контакты</translation>
    </message>
    <message>
        <source>&amp;Ban visitor…</source>
        <translation>За&amp;блокировать…</translation>
    </message>
    <message>
        <source>Everyone who opens this dialog sees its category; it also shows in the visitor list (Ctrl+Shift+G)</source>
        <translation>Категорию видит каждый, кто откроет диалог; она показана и в списке посетителей (Ctrl+Shift+G)</translation>
    </message>
    <message>
        <source>The visitor&apos;s chat window asks for their name, email and phone (Ctrl+Shift+C)</source>
        <translation>В окне чата посетителя появится форма: имя, email и телефон (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>The visitor can no longer write to you; you confirm first (Ctrl+Shift+B)</source>
        <translation>Посетитель больше не сможет писать вам; сначала вы подтвердите блокировку (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <source>Request contact details</source>
        <translation>Запросить контактные данные</translation>
    </message>
    <message>
        <source>Choose the dialog&apos;s category</source>
        <translation>Выбрать категорию диалога</translation>
    </message>
    <message>
        <source>Ban the visitor</source>
        <translation>Заблокировать посетителя</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Без категории</translation>
    </message>
    <message>
        <source>Deleted category</source>
        <translation>Удалённая категория</translation>
    </message>
    <message>
        <source>Visitor %1</source>
        <translation>Посетитель %1</translation>
    </message>
    <message>
        <source>Contact details were not requested: %1</source>
        <translation>Контактные данные не запрошены: %1</translation>
    </message>
    <message>
        <source>The category was not changed: %1</source>
        <translation>Категория не изменена: %1</translation>
    </message>
    <message>
        <source>this visitor or their IP address is already banned.</source>
        <translation>этот посетитель или его IP-адрес уже заблокирован.</translation>
    </message>
    <message>
        <source>The visitor was not banned: %1</source>
        <translation>Посетитель не заблокирован: %1</translation>
    </message>
    <message>
        <source>&amp;Email transcript…</source>
        <translation>&amp;Переписку на почту…</translation>
    </message>
    <message>
        <source>operator %1</source>
        <translation>оператор %1</translation>
    </message>
    <message>
        <source>The transcript of dialog #%1 was sent to %2 (%3).</source>
        <translation>Переписка диалога №%1 отправлена: %2 (%3).</translation>
    </message>
    <message>
        <source>Email the transcript…</source>
        <translation>Отправить переписку на почту…</translation>
    </message>
    <message>
        <source>Mail this dialog&apos;s text to you or a colleague (Ctrl+Shift+E)</source>
        <translation>Отправить текст этого диалога на почту себе или коллеге (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>The server cannot send mail: no mail server is set up in its configuration.</source>
        <translation>Сервер не может отправлять почту: в его настройках не указан почтовый сервер.</translation>
    </message>
    <message>
        <source>You are Offline. Choose another status to mail a transcript.</source>
        <translation>У вас статус «Не в сети». Выберите другой статус, чтобы отправить переписку.</translation>
    </message>
    <message>
        <source>The transcript was not sent. %1</source>
        <comment>then the server&apos;s reason</comment>
        <translation>Переписка не отправлена. %1</translation>
    </message>
    <message>
        <source>The transcript of dialog #%1 was sent to %2.</source>
        <translation>Переписка диалога №%1 отправлена: %2.</translation>
    </message>
</context>
<context>
    <name>concierge::ui::DialogFiles</name>
    <message>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>Send a file…</source>
        <translation>Отправить файл…</translation>
    </message>
    <message>
        <source>Send a file to the visitor (%1). You can also drop files here or paste a picture into the reply box.</source>
        <translation>Отправить файл посетителю (%1). Файлы можно также перетащить сюда, а изображение — вставить в поле ответа.</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <source>Send files to the visitor</source>
        <translation>Отправка файлов посетителю</translation>
    </message>
    <message>
        <source>pasted image.png</source>
        <translation>вставленное изображение.png</translation>
    </message>
    <message>
        <source>Send a picture</source>
        <translation>Отправка изображения</translation>
    </message>
    <message>
        <source>Send this picture to the visitor?</source>
        <translation>Отправить это изображение посетителю?</translation>
    </message>
    <message>
        <source>%1, %2 × %3 pixels, %4</source>
        <translation>%1, %2 × %3 пикс., %4</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Save a program?</source>
        <translation>Сохранить программу?</translation>
    </message>
    <message>
        <source>%1 is a program or a script. Running files from people you do not know can harm this computer. Save it anyway?</source>
        <translation>%1 — программа или сценарий. Запуск файлов от незнакомых людей может навредить компьютеру. Всё равно сохранить?</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Всё равно сохранить</translation>
    </message>
    <message>
        <source>Save file</source>
        <translation>Сохранение файла</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>Файл %1 не сохранён: %2</translation>
    </message>
    <message>
        <source>%1 was not sent: it is larger than %2, the most the server accepts.</source>
        <translation>Файл %1 не отправлен: он больше %2 — предела сервера.</translation>
    </message>
    <message>
        <source>%1 was not sent: it is larger than the server accepts.</source>
        <translation>Файл %1 не отправлен: он больше, чем принимает сервер.</translation>
    </message>
    <message>
        <source>%1 was not sent: the server refused it (%2).</source>
        <translation>Файл %1 не отправлен: сервер отказал (%2).</translation>
    </message>
    <message>
        <source>%1 was not sent: not connected to the server.</source>
        <translation>Файл %1 не отправлен: нет соединения с сервером.</translation>
    </message>
    <message>
        <source>%1 was not sent: %2</source>
        <translation>Файл %1 не отправлен: %2</translation>
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
        <source>Dialog closed</source>
        <translation>Диалог закрыт</translation>
    </message>
    <message>
        <source>This reply is %1 characters long; the limit is %2. Please shorten it.</source>
        <translation>В ответе %1 символов, а можно не больше %2. Сократите его.</translation>
    </message>
    <message>
        <source>T&amp;ransfer…</source>
        <translation>&amp;Передать…</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>Посетитель</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <source>The visitor&apos;s dialog (Ctrl+1)</source>
        <translation>Диалог с посетителем (Ctrl+1)</translation>
    </message>
    <message>
        <source>Chat with the other operators (Ctrl+2)</source>
        <translation>Чат с другими операторами (Ctrl+2)</translation>
    </message>
    <message>
        <source>Hand this dialog to another operator, a department or the queue (Ctrl+T)</source>
        <translation>Передать диалог другому оператору, в отдел или в общую очередь (Ctrl+T)</translation>
    </message>
    <message>
        <source>Take &amp;over</source>
        <translation>Пере&amp;хватить</translation>
    </message>
    <message>
        <source>The dialog becomes yours; this is written into its history.</source>
        <translation>Диалог станет вашим; это будет записано в его историю.</translation>
    </message>
    <message>
        <source>You are Offline. Choose another status to work with dialogs.</source>
        <translation>Вы в статусе «Оффлайн». Выберите другой статус, чтобы работать с диалогами.</translation>
    </message>
    <message>
        <source>You transferred this dialog; it is no longer yours.</source>
        <translation>Вы передали этот диалог, он больше не ваш.</translation>
    </message>
    <message>
        <source>Visitor dialog</source>
        <translation>Диалог с посетителем</translation>
    </message>
    <message>
        <source>Operator chat</source>
        <translation>Чат операторов</translation>
    </message>
    <message>
        <source>Transfer the dialog</source>
        <translation>Передать диалог</translation>
    </message>
    <message>
        <source>Operators (%1)</source>
        <translation>Операторы (%1)</translation>
    </message>
    <message>
        <source>The dialog was not transferred: %1</source>
        <translation>Диалог не передан: %1</translation>
    </message>
    <message>
        <source>The dialog was not taken over: %1</source>
        <translation>Диалог не перехвачен: %1</translation>
    </message>
    <message>
        <source>another operator</source>
        <translation>другой оператор</translation>
    </message>
    <message>
        <source>This dialog is no longer shown to you.</source>
        <translation>Этот диалог вам больше не виден.</translation>
    </message>
    <message>
        <source>Waiting for your reply</source>
        <translation>Ждёт вашего ответа</translation>
    </message>
    <message>
        <source>Waiting for a reply from %1</source>
        <translation>Ждёт ответа оператора %1</translation>
    </message>
    <message>
        <source>In dialog with %1</source>
        <translation>В диалоге с оператором %1</translation>
    </message>
    <message>
        <source>Offline request: %1</source>
        <translation>Оффлайн-обращение: %1</translation>
    </message>
    <message>
        <source>You are watching %1&apos;s dialog. The visitor does not see you.</source>
        <translation>Вы наблюдаете за диалогом оператора %1. Посетитель вас не видит.</translation>
    </message>
    <message>
        <source>%1 is not online any more.</source>
        <translation>%1 уже не в сети.</translation>
    </message>
    <message>
        <source>Nobody in %1 is online.</source>
        <translation>В отделе «%1» сейчас никого нет в сети.</translation>
    </message>
    <message>
        <source>Nobody speaking %1 is online.</source>
        <translation>Операторов со знанием языка «%1» сейчас нет в сети.</translation>
    </message>
    <message>
        <source>Rated %1/5</source>
        <translation>Оценка: %1/5</translation>
    </message>
    <message>
        <source>Rated %1/5: %2</source>
        <comment>the visitor&apos;s score, then their comment</comment>
        <translation>Оценка: %1/5 — %2</translation>
    </message>
    <message>
        <source>Send by &amp;email</source>
        <translation>Отправить по &amp;почте</translation>
    </message>
    <message>
        <source>Send the reply (Enter); it is also emailed to %1</source>
        <translation>Отправить ответ (Enter); он также уйдёт по электронной почте на %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>name, email</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>concierge::ui::FileUploadBar</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stop sending this file; the visitor gets nothing</source>
        <translation>Прекратить отправку файла; посетитель ничего не получит</translation>
    </message>
    <message>
        <source>Sending %1 (%2 more waiting)…</source>
        <translation>Отправка %1 (ещё в очереди: %2)…</translation>
    </message>
    <message>
        <source>Sending %1…</source>
        <translation>Отправка %1…</translation>
    </message>
    <message>
        <source>Saving %1 (%2 more waiting)…</source>
        <translation>Сохранение %1 (ещё в очереди: %2)…</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>Сохранение %1…</translation>
    </message>
    <message>
        <source>Stop saving this file; nothing is written</source>
        <translation>Прекратить сохранение; ничего не будет записано</translation>
    </message>
</context>
<context>
    <name>concierge::ui::HistoryExporter</name>
    <message numerus="yes">
        <source>Export %n dialog(s) as text</source>
        <translation>
            <numerusform>Экспорт %n диалога в текст</numerusform>
            <numerusform>Экспорт %n диалогов в текст</numerusform>
            <numerusform>Экспорт %n диалогов в текст</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export %n dialog(s) to Excel</source>
        <translation>
            <numerusform>Экспорт %n диалога в Excel</numerusform>
            <numerusform>Экспорт %n диалогов в Excel</numerusform>
            <numerusform>Экспорт %n диалогов в Excel</numerusform>
        </translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Текстовые файлы (*.txt)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <source>Preparing %n dialog(s)…</source>
        <translation>
            <numerusform>Подготовка %n диалога…</numerusform>
            <numerusform>Подготовка %n диалогов…</numerusform>
            <numerusform>Подготовка %n диалогов…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Export as text</source>
        <translation>Экспорт в текст</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Экспорт в Excel</translation>
    </message>
    <message>
        <source>The dialogs could not be loaded from the server, so nothing was exported: %1</source>
        <translation>Не удалось загрузить диалоги с сервера, поэтому ничего не экспортировано: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n dialog(s) to %1</source>
        <translation>
            <numerusform>%n диалог экспортирован в %1</numerusform>
            <numerusform>%n диалога экспортировано в %1</numerusform>
            <numerusform>%n диалогов экспортировано в %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>Экспорт отменён.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %n dialog(s)…</source>
        <translation>
            <numerusform>Экспортировано %1 из %n диалога…</numerusform>
            <numerusform>Экспортировано %1 из %n диалогов…</numerusform>
            <numerusform>Экспортировано %1 из %n диалогов…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>concierge::ui::HistoryFilterBar</name>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>With contact details</source>
        <translation>С контактами</translation>
    </message>
    <message>
        <source>Offline requests only</source>
        <translation>Только офлайн-заявки</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>Only dialogs started on or after this day</source>
        <translation>Только диалоги, начатые в этот день или позже</translation>
    </message>
    <message>
        <source>Only dialogs started on or before this day</source>
        <translation>Только диалоги, начатые в этот день или раньше</translation>
    </message>
    <message>
        <source>The visitor left a name, email or phone</source>
        <translation>Посетитель оставил имя, email или телефон</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Любой</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>Оператор:</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Отдел:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Категория:</translation>
    </message>
    <message>
        <source>Rating:</source>
        <translation>Оценка:</translation>
    </message>
</context>
<context>
    <name>concierge::ui::HistoryTranscriptView</name>
    <message>
        <source>Select a dialog to read it.</source>
        <translation>Выберите диалог, чтобы прочитать его.</translation>
    </message>
    <message>
        <source>Dialog #%1</source>
        <translation>Диалог №%1</translation>
    </message>
    <message>
        <source>This dialog has no lines.</source>
        <translation>В этом диалоге нет сообщений.</translation>
    </message>
</context>
<context>
    <name>concierge::ui::HistoryVisitorCard</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-адрес</translation>
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
        <source>Location</source>
        <translation>Местоположение</translation>
    </message>
    <message>
        <source>Came from</source>
        <translation>Откуда пришёл</translation>
    </message>
    <message>
        <source>UTM tags</source>
        <translation>UTM-метки</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Отдел</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Offline request</source>
        <translation>Офлайн-заявка</translation>
    </message>
    <message>
        <source>Pages visited</source>
        <translation>Просмотренные страницы</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <source>Direct visit</source>
        <translation>Прямой заход</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>stars, then the visitor&apos;s comment</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Без оценки</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
</context>
<context>
    <name>concierge::ui::HistoryWindow</name>
    <message>
        <source>Export as text…</source>
        <translation>Экспорт в текст…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Экспорт в Excel…</translation>
    </message>
    <message>
        <source>Dialog history</source>
        <translation>История диалогов</translation>
    </message>
    <message>
        <source>Search by visitor name or words of the dialog</source>
        <translation>Поиск по имени посетителя или словам из диалога</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Фильтры</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Select a dialog to read it.</source>
        <translation>Выберите диалог, чтобы прочитать его.</translation>
    </message>
    <message>
        <source>No dialogs match</source>
        <translation>Подходящих диалогов нет</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>This dialog could not be loaded: %1</source>
        <translation>Не удалось загрузить диалог: %1</translation>
    </message>
    <message numerus="yes">
        <source>History on this computer: complete (%Ln dialog(s))</source>
        <translation>
            <numerusform>История на этом компьютере: полная (%Ln диалог)</numerusform>
            <numerusform>История на этом компьютере: полная (%Ln диалога)</numerusform>
            <numerusform>История на этом компьютере: полная (%Ln диалогов)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>History on this computer: %Ln dialog(s)</source>
        <translation>
            <numerusform>История на этом компьютере: %Ln диалог</numerusform>
            <numerusform>История на этом компьютере: %Ln диалога</numerusform>
            <numerusform>История на этом компьютере: %Ln диалогов</numerusform>
        </translation>
    </message>
    <message>
        <source>Searchable here without the server: dialogs since %1</source>
        <translation>Без сервера здесь можно искать диалоги с %1</translation>
    </message>
    <message>
        <source>An export is running.</source>
        <translation>Идёт экспорт.</translation>
    </message>
    <message>
        <source>Save the selected dialogs as a text file</source>
        <translation>Сохранить выбранные диалоги в текстовый файл</translation>
    </message>
    <message>
        <source>Save the selected dialogs as an Excel workbook</source>
        <translation>Сохранить выбранные диалоги в книгу Excel</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Выделить все</translation>
    </message>
    <message>
        <source>Export all found</source>
        <translation>Экспортировать все найденные</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>Save every dialog found, not only the selected ones (at most %L1)</source>
        <translation>Сохранить все найденные диалоги, а не только выбранные (не больше %L1)</translation>
    </message>
    <message>
        <source>As text…</source>
        <translation>В текст…</translation>
    </message>
    <message>
        <source>To Excel…</source>
        <translation>В Excel…</translation>
    </message>
    <message numerus="yes">
        <source>Gathering every dialog found: %Ln so far…</source>
        <translation>
            <numerusform>Собираем все найденные диалоги: пока %Ln…</numerusform>
            <numerusform>Собираем все найденные диалоги: пока %Ln…</numerusform>
            <numerusform>Собираем все найденные диалоги: пока %Ln…</numerusform>
        </translation>
    </message>
    <message>
        <source>Filters (%1)</source>
        <translation>Фильтры (%1)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>Fetching the history…</source>
        <translation>Загружаем историю…</translation>
    </message>
    <message>
        <source>The server could not be searched: %1</source>
        <translation>Не удалось выполнить поиск на сервере: %1</translation>
    </message>
    <message>
        <source>No dialogs yet</source>
        <translation>Диалогов пока нет</translation>
    </message>
    <message numerus="yes">
        <source>History on this computer: %1 of %Ln dialog(s)</source>
        <translation>
            <numerusform>История на этом компьютере: %1 из %Ln диалога</numerusform>
            <numerusform>История на этом компьютере: %1 из %Ln диалогов</numerusform>
            <numerusform>История на этом компьютере: %1 из %Ln диалогов</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the dialogs to export, or use Export all found.</source>
        <translation>Выберите диалоги для экспорта или нажмите «Экспортировать все найденные».</translation>
    </message>
    <message>
        <source>The search changed, so nothing was exported.</source>
        <translation>Поиск изменился, поэтому ничего не экспортировано.</translation>
    </message>
    <message>
        <source>No dialogs were found, so nothing was exported.</source>
        <translation>Диалоги не найдены, поэтому ничего не экспортировано.</translation>
    </message>
    <message>
        <source>More dialogs were found: only the newest %L1 go in one export; narrow the search (dates, filters) for the rest.</source>
        <translation>Найдено больше диалогов: в один экспорт попадают только %L1 самых новых; для остальных сузьте поиск (даты, фильтры).</translation>
    </message>
    <message>
        <source>Export all found as text…</source>
        <translation>Экспортировать все найденные в текст…</translation>
    </message>
    <message>
        <source>Export all found to Excel…</source>
        <translation>Экспортировать все найденные в Excel…</translation>
    </message>
    <message>
        <source>Export running</source>
        <translation>Идёт экспорт</translation>
    </message>
    <message>
        <source>An export is running — cancel it? Nothing of it is written then.</source>
        <translation>Идёт экспорт — отменить его? Тогда ничего не будет записано.</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>Отменить экспорт</translation>
    </message>
    <message>
        <source>Keep exporting</source>
        <translation>Продолжить экспорт</translation>
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
        <translation>&amp;Онлайн / Оффлайн</translation>
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
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Администрирование</translation>
    </message>
    <message>
        <source>&amp;Bans…</source>
        <translation>&amp;Блокировки…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Горячие клавиши…</translation>
    </message>
    <message>
        <source>Find a visitor by &amp;teleport code</source>
        <translation>Найти посетителя по &amp;коду телепорта</translation>
    </message>
    <message>
        <source>My &amp;profile…</source>
        <translation>Мой &amp;профиль…</translation>
    </message>
    <message>
        <source>&amp;Templates…</source>
        <translation>&amp;Шаблоны…</translation>
    </message>
    <message>
        <source>&amp;Alerts…</source>
        <translation>&amp;Оповещения…</translation>
    </message>
    <message>
        <source>Concierge is still running in the system tray, so you hear and see every new visitor. Click its icon to open the window again; choose Quit in its menu to stop it.</source>
        <translation>Concierge продолжает работать в системном лотке, чтобы вы слышали и видели каждого нового посетителя. Щёлкните по значку, чтобы снова открыть окно; чтобы завершить работу, выберите в его меню «Выход».</translation>
    </message>
    <message>
        <source>Concierge is still running (minimised), so you hear and see every new visitor. Choose File → Quit to stop it.</source>
        <translation>Concierge продолжает работать (свёрнут), чтобы вы слышали и видели каждого нового посетителя. Чтобы завершить работу, выберите Файл → Выход.</translation>
    </message>
    <message>
        <source>Concierge keeps running</source>
        <translation>Concierge продолжает работать</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;История…</translation>
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
    <message>
        <source>%1 (%2)</source>
        <comment>file name, then its size</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · double-click to save</source>
        <translation>%1 · дважды щёлкните, чтобы сохранить</translation>
    </message>
    <message>
        <source>A program or script: save it only if you trust the sender</source>
        <translation>Программа или сценарий: сохраняйте, только если доверяете отправителю</translation>
    </message>
</context>
<context>
    <name>concierge::ui::OperatorChatPane</name>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Отправить</translation>
    </message>
    <message>
        <source>Write to all operators — Enter sends</source>
        <translation>Сообщение всем операторам — Enter отправляет</translation>
    </message>
    <message>
        <source>Click a name to address them in your message</source>
        <translation>Щёлкните по имени, чтобы обратиться к оператору</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <source>This message is %1 characters long; the limit is %2. Please shorten it.</source>
        <translation>В сообщении %1 символов, а можно не больше %2. Сократите его.</translation>
    </message>
    <message>
        <source>You are Offline. Choose another status to work with dialogs.</source>
        <translation>Вы в статусе «Оффлайн». Выберите другой статус, чтобы работать с диалогами.</translation>
    </message>
    <message>
        <source>No messages yet. Everything written here reaches every operator.</source>
        <translation>Сообщений пока нет. Всё, что написано здесь, видят все операторы.</translation>
    </message>
</context>
<context>
    <name>concierge::ui::OperatorListDelegate</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (вы)</translation>
    </message>
</context>
<context>
    <name>concierge::ui::ProfileDialog</name>
    <message>
        <source>&amp;Save profile</source>
        <translation>&amp;Сохранить профиль</translation>
    </message>
    <message>
        <source>C&amp;hange password</source>
        <translation>С&amp;менить пароль</translation>
    </message>
    <message>
        <source>My profile</source>
        <translation>Мой профиль</translation>
    </message>
    <message>
        <source>Visitors and colleagues see this name; lines already written keep the old one.</source>
        <translation>Это имя видят посетители и коллеги; в уже написанных сообщениях останется прежнее.</translation>
    </message>
    <message>
        <source>comma-separated, e.g. pl, pt-br</source>
        <translation>через запятую, например pl, pt-br</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>Не менее %n символа</numerusform>
            <numerusform>Не менее %n символов</numerusform>
            <numerusform>Не менее %n символов</numerusform>
        </translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Имя для показа:</translation>
    </message>
    <message>
        <source>&amp;Languages I speak:</source>
        <translation>&amp;Языки, на которых я говорю:</translation>
    </message>
    <message>
        <source>&amp;Other language codes:</source>
        <translation>&amp;Другие коды языков:</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Смена пароля</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>&amp;Текущий пароль:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Новый пароль:</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password:</source>
        <translation>Новый пароль &amp;ещё раз:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Saved. Colleagues see the new name and languages now.</source>
        <translation>Сохранено. Коллеги уже видят новое имя и языки.</translation>
    </message>
    <message>
        <source>The password was changed. Use the new one from your next login.</source>
        <translation>Пароль изменён. При следующем входе используйте новый.</translation>
    </message>
    <message>
        <source>Enter the name visitors and colleagues will see.</source>
        <translation>Введите имя, которое увидят посетители и коллеги.</translation>
    </message>
    <message>
        <source>“%1” is not a language code; use two or three letters, such as de or pt-br.</source>
        <translation>«%1» — не код языка; нужны две-три латинские буквы, например de или pt-br.</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Введите текущий пароль.</translation>
    </message>
    <message numerus="yes">
        <source>The new password needs at least %n characters.</source>
        <translation>
            <numerusform>Новый пароль должен содержать не менее %n символа.</numerusform>
            <numerusform>Новый пароль должен содержать не менее %n символов.</numerusform>
            <numerusform>Новый пароль должен содержать не менее %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two new passwords differ; type the same one twice.</source>
        <translation>Новые пароли не совпадают; введите один и тот же дважды.</translation>
    </message>
    <message>
        <source>The profile was not saved: %1</source>
        <translation>Профиль не сохранён: %1</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Текущий пароль введён неверно.</translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation>Пароль не изменён: %1</translation>
    </message>
    <message>
        <source>You log in with this address, and transcripts colleagues send you arrive there.</source>
        <translation>С этим адресом вы входите в систему, и на него приходит переписка, которую присылают коллеги.</translation>
    </message>
    <message>
        <source>Picture:</source>
        <translation>Изображение:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
        <source>Saved. From now on you log in as %1.</source>
        <translation>Сохранено. Теперь вы входите как %1.</translation>
    </message>
    <message>
        <source>Enter an email address such as anna@example.com.</source>
        <translation>Введите адрес электронной почты, например anna@example.com.</translation>
    </message>
    <message>
        <source>This address was not accepted: %1</source>
        <translation>Этот адрес не принят: %1</translation>
    </message>
</context>
<context>
    <name>concierge::ui::RedirectDialog</name>
    <message>
        <source>Redirect the visitor</source>
        <translation>Перенаправить посетителя</translation>
    </message>
    <message>
        <source>&amp;Open for the visitor</source>
        <translation>&amp;Открыть у посетителя</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>%1&apos;s browser tab will open this address in place of the page they are on.</source>
        <translation>Во вкладке браузера посетителя (%1) вместо текущей страницы откроется этот адрес.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>Enter the address of a page.</source>
        <translation>Введите адрес страницы.</translation>
    </message>
    <message>
        <source>The address is too long (at most %1 characters).</source>
        <translation>Адрес слишком длинный (не более %1 символов).</translation>
    </message>
    <message>
        <source>Only web addresses starting with http:// or https:// can be opened for the visitor.</source>
        <translation>У посетителя можно открыть только веб-адрес, начинающийся с http:// или https://.</translation>
    </message>
</context>
<context>
    <name>concierge::ui::ReplyEditor</name>
    <message>
        <source>Type a reply — Enter sends, Shift+Enter starts a new line</source>
        <translation>Введите ответ — Enter отправляет, Shift+Enter начинает новую строку</translation>
    </message>
    <message>
        <source>Send the reply</source>
        <translation>Отправить ответ</translation>
    </message>
    <message>
        <source>Start a new line in the reply</source>
        <translation>Новая строка в ответе</translation>
    </message>
    <message>
        <source>Choose the template above</source>
        <translation>Выбрать шаблон выше</translation>
    </message>
    <message>
        <source>Choose the template below</source>
        <translation>Выбрать шаблон ниже</translation>
    </message>
    <message>
        <source>Send the chosen template</source>
        <translation>Отправить выбранный шаблон</translation>
    </message>
    <message>
        <source>Put the chosen template in the reply box to edit it</source>
        <translation>Вставить выбранный шаблон в поле ответа для правки</translation>
    </message>
    <message>
        <source>Close the suggestions</source>
        <translation>Закрыть подсказки</translation>
    </message>
</context>
<context>
    <name>concierge::ui::ReplyTemplates</name>
    <message>
        <source>Save the reply as my template…</source>
        <translation>Сохранить ответ как мой шаблон…</translation>
    </message>
    <message>
        <source>Save the reply as my template (Ctrl+Shift+S)</source>
        <translation>Сохранить ответ как мой шаблон (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Not sent: %1 cannot be filled in for this visitor. Replace it in the reply box, then press Enter.</source>
        <translation>Не отправлено: %1 не удаётся заполнить для этого посетителя. Замените это в поле ответа и нажмите Enter.</translation>
    </message>
    <message>
        <source>%1 cannot be filled in for this visitor; replace it before sending.</source>
        <translation>%1 не удаётся заполнить для этого посетителя; замените перед отправкой.</translation>
    </message>
    <message>
        <source>Send with unfilled variables?</source>
        <translation>Отправить с незаполненными переменными?</translation>
    </message>
    <message>
        <source>%1 cannot be filled in for this visitor and would reach them exactly as typed, braces included.</source>
        <translation>%1 не удаётся заполнить для этого посетителя: он получит текст как есть, вместе со скобками.</translation>
    </message>
    <message>
        <source>Send as it is</source>
        <translation>Отправить как есть</translation>
    </message>
    <message>
        <source>Edit the reply</source>
        <translation>Исправить ответ</translation>
    </message>
    <message>
        <source>Type the reply first, then save it as your template.</source>
        <translation>Сначала наберите ответ, затем сохраните его как свой шаблон.</translation>
    </message>
    <message>
        <source>Saved as your template “%1”; it is suggested as you type.</source>
        <translation>Сохранено как ваш шаблон «%1»; он будет предлагаться при наборе.</translation>
    </message>
</context>
<context>
    <name>concierge::ui::SaveTemplateDialog</name>
    <message>
        <source>New shared template</source>
        <translation>Новый общий шаблон</translation>
    </message>
    <message>
        <source>Save as my template</source>
        <translation>Сохранить как мой шаблон</translation>
    </message>
    <message>
        <source>Edit template</source>
        <translation>Изменение шаблона</translation>
    </message>
    <message>
        <source>delivery, payment — separated by commas</source>
        <translation>доставка, оплата — через запятую</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>Every department</source>
        <translation>Все отделы</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Отдел:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>&amp;Текст:</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Мет&amp;ки:</translation>
    </message>
    <message>
        <source>Variables are filled in when sent: {visitor.name|there}, {operator.name}, {site}, {page.title}, {contact.email}. After | comes what to write when the value is unknown.</source>
        <translation>Переменные заполняются при отправке: {visitor.name|гость}, {operator.name}, {site}, {page.title}, {contact.email}. После | — что написать, если значение неизвестно.</translation>
    </message>
    <message>
        <source>Give the template a title.</source>
        <translation>Дайте шаблону название.</translation>
    </message>
    <message>
        <source>The template has no text.</source>
        <translation>В шаблоне нет текста.</translation>
    </message>
    <message>
        <source>The text is %1 characters long; a template may have at most %2.</source>
        <translation>Длина текста — %1 символов; в шаблоне может быть не более %2.</translation>
    </message>
    <message>
        <source>The text is too long for a template (at most %1 characters).</source>
        <translation>Текст слишком длинный для шаблона (не более %1 символов).</translation>
    </message>
    <message>
        <source>Only administrators may change shared templates.</source>
        <translation>Общие шаблоны могут менять только администраторы.</translation>
    </message>
    <message>
        <source>Not connected to the server; try again once the connection is back.</source>
        <translation>Нет соединения с сервером; попробуйте снова, когда оно восстановится.</translation>
    </message>
</context>
<context>
    <name>concierge::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Горячие клавиши</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>In the main window</source>
        <translation>В главном окне</translation>
    </message>
    <message>
        <source>In the reply box</source>
        <translation>В поле ответа</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>While templates are suggested</source>
        <translation>Когда предложены шаблоны</translation>
    </message>
</context>
<context>
    <name>concierge::ui::StatusComboBox</name>
    <message>
        <source>Only Online operators get new dialogs. Offline closes dialogs and the operator chat.</source>
        <translation>Новые диалоги получают только операторы в статусе «Онлайн». В статусе «Оффлайн» недоступны диалоги и чат операторов.</translation>
    </message>
</context>
<context>
    <name>concierge::ui::TeleportCodeField</name>
    <message>
        <source>Teleport code</source>
        <translation>Код телепорта</translation>
    </message>
    <message>
        <source>The six digits a visitor reads out from the site&apos;s phone support block; Enter opens their card (Ctrl+Shift+T)</source>
        <translation>Шесть цифр, которые посетитель называет из блока телефонной поддержки на сайте; Enter открывает его карточку (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>A teleport code has six digits.</source>
        <translation>Код телепорта состоит из шести цифр.</translation>
    </message>
    <message>
        <source>No visitor has this code. Codes last 10 minutes; ask the visitor for a new one.</source>
        <translation>Такого кода нет ни у одного посетителя. Код действует 10 минут — попросите посетителя получить новый.</translation>
    </message>
    <message>
        <source>The code was not looked up: %1</source>
        <translation>Не удалось найти по коду: %1</translation>
    </message>
</context>
<context>
    <name>concierge::ui::TemplateHistoryDialog</name>
    <message>
        <source>&amp;Restore this version</source>
        <translation>&amp;Восстановить эту версию</translation>
    </message>
    <message>
        <source>History of “%1”</source>
        <translation>История шаблона «%1»</translation>
    </message>
    <message>
        <source>Loading the earlier versions…</source>
        <translation>Загрузка прежних версий…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>The history could not be loaded: %1</source>
        <translation>Не удалось загрузить историю: %1</translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation>Не восстановлено: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>when, who saved it</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>This template has not been changed since it was made.</source>
        <translation>Этот шаблон не менялся с момента создания.</translation>
    </message>
    <message>
        <source>Earlier versions, newest first.</source>
        <translation>Прежние версии, сначала новые.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Восстановление…</translation>
    </message>
</context>
<context>
    <name>concierge::ui::TemplateSuggestionDelegate</name>
    <message>
        <source>personal</source>
        <translation>личный</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>общий</translation>
    </message>
</context>
<context>
    <name>concierge::ui::TemplatesDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Добавить…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>Ис&amp;тория…</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Шаблоны</translation>
    </message>
    <message>
        <source>Search titles, texts and tags</source>
        <translation>Поиск по названиям, текстам и меткам</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>The template was deleted.</source>
        <translation>Шаблон удалён.</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Не удалено: %1</translation>
    </message>
    <message>
        <source>&amp;Personal</source>
        <translation>&amp;Личные</translation>
    </message>
    <message>
        <source>&amp;Shared</source>
        <translation>&amp;Общие</translation>
    </message>
    <message>
        <source>every department</source>
        <translation>все отделы</translation>
    </message>
    <message>
        <source>department %1</source>
        <translation>отдел %1</translation>
    </message>
    <message>
        <source>Only administrators change shared templates.</source>
        <translation>Общие шаблоны меняют только администраторы.</translation>
    </message>
    <message>
        <source>No template matches the search.</source>
        <translation>Ни один шаблон не подходит под поиск.</translation>
    </message>
    <message>
        <source>No templates here yet.</source>
        <translation>Шаблонов здесь пока нет.</translation>
    </message>
    <message>
        <source>Choose a template to see it.</source>
        <translation>Выберите шаблон, чтобы увидеть его.</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>Для: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Метки: %1</translation>
    </message>
    <message>
        <source>Saved %1 by %2</source>
        <translation>Сохранён %1, автор: %2</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Удаление шаблона</translation>
    </message>
    <message>
        <source>Delete the template “%1”? Operators will no longer be offered it.</source>
        <translation>Удалить шаблон «%1»? Операторам он больше не будет предлагаться.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Оставить</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>Сохранено: «%1».</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>кто-то другой</translation>
    </message>
    <message>
        <source>“%1” had been changed by %2 (%3) while you edited it. Your version replaced theirs; theirs is kept in History.</source>
        <translation>Пока вы редактировали «%1», его изменил(а) %2 (%3). Ваша версия заменила ту; прежняя сохранена в истории.</translation>
    </message>
</context>
<context>
    <name>concierge::ui::TranscriptRecipientDialog</name>
    <message>
        <source>Email the transcript</source>
        <translation>Переписка на почту</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Отправить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>%1 (%2) — you</source>
        <comment>name, email</comment>
        <translation>%1 (%2) — вы</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>name, email</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Send the text of dialog #%1 to:</source>
        <translation>Отправить текст диалога №%1:</translation>
    </message>
    <message>
        <source>Operators without an email address in their profile are not listed.</source>
        <translation>Операторы без адреса электронной почты в профиле не показаны.</translation>
    </message>
</context>
<context>
    <name>concierge::ui::TransferDialog</name>
    <message>
        <source>Transfer the dialog</source>
        <translation>Передать диалог</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>&amp;Передать</translation>
    </message>
    <message>
        <source>Comment for the receiver (optional)</source>
        <translation>Комментарий для получателя (необязательно)</translation>
    </message>
    <message>
        <source>Hand the dialog to:</source>
        <translation>Кому передать диалог:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>operator name — status</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Nobody else is online right now</source>
        <translation>Сейчас больше никого нет в сети</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Отделы</translation>
    </message>
    <message>
        <source>Operators speaking</source>
        <translation>Операторы со знанием языка</translation>
    </message>
    <message>
        <source>Back to the common queue</source>
        <translation>Вернуть в общую очередь</translation>
    </message>
    <message>
        <source>Every operator sees it under Waiting for reply; it will not come back to you.</source>
        <translation>Диалог попадёт к другим операторам и к вам не вернётся.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>concierge::ui::TrayIcon</name>
    <message>
        <source>Open Concierge</source>
        <translation>Открыть Консьерж</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Concierge — %1</source>
        <translation>Консьерж — %1</translation>
    </message>
    <message>
        <source>Stop the reminder</source>
        <translation>Остановить напоминание</translation>
    </message>
    <message>
        <source>Visitors waiting: %1</source>
        <translation>Ждут ответа: %1</translation>
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
    <message>
        <source>Contact details</source>
        <translation>Контактная информация</translation>
    </message>
    <message>
        <source>Banned</source>
        <translation>Заблокирован</translation>
    </message>
    <message>
        <source>This visitor cannot write to the operators.</source>
        <translation>Этот посетитель не может писать операторам.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>&amp;Redirect…</source>
        <translation>&amp;Перенаправить…</translation>
    </message>
    <message>
        <source>Open a page in the visitor&apos;s browser tab (the selected one, or any address)</source>
        <translation>Открыть страницу во вкладке посетителя (выбранную или любой адрес)</translation>
    </message>
    <message>
        <source>The visitor&apos;s tab is opening %1</source>
        <translation>Во вкладке посетителя открывается %1</translation>
    </message>
    <message>
        <source>Visitor %1</source>
        <translation>Посетитель %1</translation>
    </message>
    <message>
        <source>the visitor has left the site.</source>
        <translation>посетитель ушёл с сайта.</translation>
    </message>
    <message>
        <source>The visitor was not redirected: %1</source>
        <translation>Посетитель не перенаправлен: %1</translation>
    </message>
    <message>
        <source>You are Offline. Choose another status to redirect visitors.</source>
        <translation>Вы в статусе «Не в сети». Выберите другой статус, чтобы перенаправлять посетителей.</translation>
    </message>
    <message>
        <source>The visitor has left the site.</source>
        <translation>Посетитель ушёл с сайта.</translation>
    </message>
</context>
<context>
    <name>concierge::ui::VisitorListDelegate</name>
    <message>
        <source>From %1</source>
        <translation>Передача: %1</translation>
    </message>
    <message>
        <source>From %1: %2</source>
        <comment>who transferred the dialog, and their comment</comment>
        <translation>Передача: %1 — %2</translation>
    </message>
    <message>
        <source>Offline request</source>
        <translation>Оффлайн-обращение</translation>
    </message>
    <message>
        <source>Offline request: %1</source>
        <translation>Оффлайн-обращение: %1</translation>
    </message>
</context>
<context>
    <name>concierge::ui::VisitorListPane</name>
    <message>
        <source>Filter by name, page or text</source>
        <translation>Фильтр по имени, странице или тексту</translation>
    </message>
    <message>
        <source>Ctrl+F to filter, Esc to clear</source>
        <translation>Ctrl+F — фильтр, Esc — очистить</translation>
    </message>
    <message>
        <source>Filter the visitor list</source>
        <translation>Фильтровать список посетителей</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Очистить фильтр</translation>
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
