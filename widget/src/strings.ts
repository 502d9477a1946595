// SPDX-License-Identifier: GPL-3.0-or-later
// Every string the visitor sees. English is the reference; add a language by adding a table.

export interface Strings {
    openChat: string;
    closeChat: string;
    title: string;
    subtitleDefault: string;
    subtitleWaiting: string;
    subtitleWith: (operatorName: string) => string;
    subtitleClosed: string;
    noOperators: string;
    connecting: string;
    reconnecting: string;
    unsupported: string;
    operatorTyping: string;
    placeholder: string;
    send: string;
    you: string;
    operator: string;
    stateSending: string;
    stateFailed: string;
    tooLong: string;
    sendFailed: string;
    messagesLabel: string;
    empty: string;
    chooseDepartment: string;
    departmentUnavailable: string;
    departmentChosen: (name: string) => string;
    changeDepartment: string;
    changeDepartmentLabel: string;
    offlineIntro: string;
    offlineName: string;
    offlineEmail: string;
    offlinePhone: string;
    offlineMessage: string;
    offlineContactHint: string;
    offlineSend: string;
    offlineNeedContact: string;
    offlineBadEmail: string;
    offlineBadPhone: string;
    offlineNeedMessage: string;
    offlineThanks: string;
    passedOn: string;
    endChat: string;
    endChatLabel: string;
    contactIntro: string;
    contactSend: string;
    contactDismiss: string;
    contactThanks: string;
    contactFailed: string;
    contactRequestedLine: string;
    contactGivenLine: string;
    ratingIntro: string;
    ratingStar: (score: number, outOf: number) => string;
    ratingNeedScore: string;
    ratingComment: string;
    ratingSend: string;
    ratingSkip: string;
    ratingThanks: string;
    ratingFailed: string;
    ratingLine: string;
    endedLine: string;
    banned: string;
    redirecting: string;
    redirectLine: string;
    teleportGet: string;
    teleportGetting: string;
    teleportIntro: string;
    teleportCodeLabel: string;
    teleportCodeSpoken: (digits: string) => string;
    teleportValid: (minutes: number, until: string) => string;
    teleportExpired: string;
    teleportNew: string;
    teleportConnecting: string;
    teleportFailed: string;
    teleportUnavailable: string;
    attachFile: string;
    dropFiles: string;
    fileSize: (bytes: number) => string;
    fileDownload: (name: string, size: string) => string;
    fileExecutable: string;
    fileLine: string;
    /** The name of a file that came without one (a pasted picture in some browsers). */
    unnamedFile: string;
    uploadSending: (name: string) => string;
    uploadCancel: string;
    uploadRetry: string;
    uploadRemove: string;
    uploadTooBig: (limitMb: number | null) => string;
    uploadEmpty: string;
    uploadForbidden: string;
    uploadRateLimited: (seconds: number) => string;
    uploadNetwork: string;
    uploadFailed: string;
    /** The visitor's hourly upload budget is spent (minutes until it frees up). */
    uploadBudgetSpent: (minutes: number) => string;
    /** The server cannot store files now (short of disk space); nothing was sent. */
    uploadServerBusy: string;
    uploadNotConnected: string;
}

const en: Strings = {
    openChat: "Open chat",
    closeChat: "Close chat",
    title: "Chat with us",
    subtitleDefault: "We usually reply in a few minutes",
    subtitleWaiting: "Waiting for an operator…",
    subtitleWith: (name) => `You are chatting with ${name}`,
    subtitleClosed: "This chat is closed — write to start a new one",
    noOperators: "No operator is online right now — leave a message and we will answer",
    connecting: "Connecting…",
    reconnecting: "Connection lost — reconnecting…",
    unsupported: "Chat is unavailable: this page uses an outdated widget.",
    operatorTyping: "Operator is typing…",
    placeholder: "Type your message…",
    send: "Send",
    you: "You",
    operator: "Operator",
    stateSending: "Sending…",
    stateFailed: "Not sent",
    tooLong: "The message is too long.",
    sendFailed: "The message could not be sent.",
    messagesLabel: "Conversation",
    empty: "Ask us anything — we are happy to help.",
    chooseDepartment: "Who would you like to talk to?",
    departmentUnavailable: "No one online — leave a message",
    departmentChosen: (name) => `Department: ${name}`,
    changeDepartment: "Change",
    changeDepartmentLabel: "Choose another department",
    offlineIntro: "No one is online right now. Leave your details and a message — we will get back to you.",
    offlineName: "Name",
    offlineEmail: "Email",
    offlinePhone: "Phone",
    offlineMessage: "Message",
    offlineContactHint: "An email or a phone number, so that we can reply.",
    offlineSend: "Send message",
    offlineNeedContact: "Enter an email or a phone number so that we can reply.",
    offlineBadEmail: "Check the email address (like name@example.com).",
    offlineBadPhone: "Enter a phone number with at least 6 digits.",
    offlineNeedMessage: "Write your message.",
    offlineThanks: "Thank you! We will get back to you by email or phone.",
    passedOn: "Your conversation has been passed to a colleague.",
    endChat: "End chat",
    endChatLabel: "End this conversation",
    contactIntro: "The operator would like your contact details, so that we can get back to you.",
    contactSend: "Send details",
    contactDismiss: "Not now",
    contactThanks: "Thank you! The operator has your contact details.",
    contactFailed: "Your details could not be sent. Please check them and try again.",
    contactRequestedLine: "The operator asked for your contact details.",
    contactGivenLine: "You shared your contact details.",
    ratingIntro: "How was this conversation?",
    ratingStar: (score, outOf) => (score === 1 ? `1 star of ${outOf}` : `${score} stars of ${outOf}`),
    ratingNeedScore: "Choose from 1 to 5 stars.",
    ratingComment: "Comment (optional)",
    ratingSend: "Send rating",
    ratingSkip: "Skip",
    ratingThanks: "Thank you for your rating!",
    ratingFailed: "The rating could not be sent.",
    ratingLine: "You rated this conversation.",
    endedLine: "This conversation has ended.",
    banned: "Chat is not available.",
    redirecting: "Opening a page for you…",
    redirectLine: "The operator opened a page for you.",
    teleportGet: "Get a code for phone support",
    teleportGetting: "Getting a code…",
    teleportIntro: "On the phone with us? Get a code and read it out to the operator — they will see which page you are on and can open pages for you.",
    teleportCodeLabel: "Your code",
    teleportCodeSpoken: (digits) => `Your code: ${digits}`,
    teleportValid: (minutes, until) => `Valid for ${minutes} ${minutes === 1 ? "minute" : "minutes"}, until ${until}.`,
    teleportExpired: "This code has expired. Get a new one.",
    teleportNew: "New code",
    teleportConnecting: "Not connected yet — try again in a moment.",
    teleportFailed: "Could not get a code. Please try again.",
    teleportUnavailable: "Codes are not available.",
    attachFile: "Attach a file",
    dropFiles: "Drop files here to send them",
    fileSize: (bytes) => humanSize(bytes, ["bytes", "KB", "MB", "GB"], "."),
    fileDownload: (name, size) => `Download ${name} (${size})`,
    fileExecutable: "Program — be careful opening it",
    fileLine: "File",
    unnamedFile: "file",
    uploadSending: (name) => `Sending ${name}`,
    uploadCancel: "Cancel",
    uploadRetry: "Retry",
    uploadRemove: "Remove",
    uploadTooBig: (limit) => (limit === null ? "This file is too big." : `This file is too big (limit ${limit} MB).`),
    uploadEmpty: "This file is empty.",
    uploadForbidden: "This file cannot be sent.",
    uploadRateLimited: (seconds) => `Too many messages at once — try again in ${seconds} ${seconds === 1 ? "second" : "seconds"}.`,
    uploadNetwork: "The file could not be sent: no connection.",
    uploadFailed: "The file could not be sent.",
    uploadBudgetSpent: (minutes) => `You have sent a lot of files — try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
    uploadServerBusy: "The chat cannot take files right now. Please try again later.",
    uploadNotConnected: "Not connected yet — try again in a moment.",
};

/** "12 bytes", "3.4 KB", "12 MB": one decimal below 10 units, with the language's decimal mark. */
function humanSize(bytes: number, units: readonly string[], decimalMark: string): string {
    let value = Math.max(0, bytes);
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit += 1;
    }
    const shown = unit === 0 || value >= 10 ? String(Math.round(value)) : value.toFixed(1).replace(".", decimalMark);
    return `${shown} ${units[unit]}`;
}

/** "минуту", "минуты" or "минут", as Russian counts them. */
function russianMinutes(n: number): string {
    const lastTwo = n % 100;
    const last = n % 10;
    if (lastTwo >= 11 && lastTwo <= 14) return "минут";
    if (last === 1) return "минуту";
    if (last >= 2 && last <= 4) return "минуты";
    return "минут";
}

const ru: Strings = {
    openChat: "Открыть чат",
    closeChat: "Закрыть чат",
    title: "Напишите нам",
    subtitleDefault: "Обычно отвечаем за несколько минут",
    subtitleWaiting: "Ждём оператора…",
    subtitleWith: (name) => `Вам отвечает ${name}`,
    subtitleClosed: "Чат завершён — напишите, чтобы начать новый",
    noOperators: "Сейчас нет операторов в сети — оставьте сообщение, и мы ответим",
    connecting: "Подключение…",
    reconnecting: "Связь потеряна — переподключаемся…",
    unsupported: "Чат недоступен: на странице устаревший виджет.",
    operatorTyping: "Оператор печатает…",
    placeholder: "Введите сообщение…",
    send: "Отправить",
    you: "Вы",
    operator: "Оператор",
    stateSending: "Отправляется…",
    stateFailed: "Не отправлено",
    tooLong: "Сообщение слишком длинное.",
    sendFailed: "Не удалось отправить сообщение.",
    messagesLabel: "Переписка",
    empty: "Спросите нас о чём угодно — мы поможем.",
    chooseDepartment: "С кем вы хотите поговорить?",
    departmentUnavailable: "Сейчас никого нет — оставьте сообщение",
    departmentChosen: (name) => `Отдел: ${name}`,
    changeDepartment: "Изменить",
    changeDepartmentLabel: "Выбрать другой отдел",
    offlineIntro: "Сейчас никого нет в сети. Оставьте контакты и сообщение — мы с вами свяжемся.",
    offlineName: "Имя",
    offlineEmail: "Эл. почта",
    offlinePhone: "Телефон",
    offlineMessage: "Сообщение",
    offlineContactHint: "Почта или телефон, чтобы мы могли ответить.",
    offlineSend: "Отправить сообщение",
    offlineNeedContact: "Укажите эл. почту или телефон, чтобы мы могли ответить.",
    offlineBadEmail: "Проверьте адрес почты (вида name@example.com).",
    offlineBadPhone: "Укажите номер телефона — не меньше 6 цифр.",
    offlineNeedMessage: "Напишите сообщение.",
    offlineThanks: "Спасибо! Мы свяжемся с вами по почте или телефону.",
    passedOn: "Ваш разговор передан коллеге.",
    endChat: "Завершить",
    endChatLabel: "Завершить разговор",
    contactIntro: "Оператор просит оставить контакты, чтобы мы могли с вами связаться.",
    contactSend: "Отправить контакты",
    contactDismiss: "Не сейчас",
    contactThanks: "Спасибо! Оператор получил ваши контакты.",
    contactFailed: "Не удалось отправить контакты. Проверьте их и попробуйте ещё раз.",
    contactRequestedLine: "Оператор попросил ваши контакты.",
    contactGivenLine: "Вы оставили контакты.",
    ratingIntro: "Как прошёл разговор?",
    ratingStar: (score, outOf) => `Оценка ${score} из ${outOf}`,
    ratingNeedScore: "Выберите оценку от 1 до 5 звёзд.",
    ratingComment: "Комментарий (необязательно)",
    ratingSend: "Оценить",
    ratingSkip: "Пропустить",
    ratingThanks: "Спасибо за оценку!",
    ratingFailed: "Не удалось отправить оценку.",
    ratingLine: "Вы оценили разговор.",
    endedLine: "Разговор завершён.",
    banned: "Чат недоступен.",
    redirecting: "Открываем для вас страницу…",
    redirectLine: "Оператор открыл для вас страницу.",
    teleportGet: "Получить код для поддержки по телефону",
    teleportGetting: "Получаем код…",
    teleportIntro: "Говорите с нами по телефону? Получите код и продиктуйте его оператору — он увидит, на какой вы странице, и сможет открывать для вас нужные страницы.",
    teleportCodeLabel: "Ваш код",
    teleportCodeSpoken: (digits) => `Ваш код: ${digits}`,
    teleportValid: (minutes, until) => `Действует ${minutes} ${russianMinutes(minutes)}, до ${until}.`,
    teleportExpired: "Срок действия кода истёк. Получите новый.",
    teleportNew: "Новый код",
    teleportConnecting: "Ещё нет соединения — попробуйте через несколько секунд.",
    teleportFailed: "Не удалось получить код. Попробуйте ещё раз.",
    teleportUnavailable: "Коды недоступны.",
    attachFile: "Прикрепить файл",
    dropFiles: "Перетащите файлы сюда, чтобы отправить",
    fileSize: (bytes) => humanSize(bytes, ["байт", "КБ", "МБ", "ГБ"], ","),
    fileDownload: (name, size) => `Скачать ${name} (${size})`,
    fileExecutable: "Программа — открывайте с осторожностью",
    fileLine: "Файл",
    unnamedFile: "файл",
    uploadSending: (name) => `Отправка ${name}`,
    uploadCancel: "Отмена",
    uploadRetry: "Повторить",
    uploadRemove: "Убрать",
    uploadTooBig: (limit) => (limit === null ? "Файл слишком большой." : `Файл слишком большой (не больше ${limit} МБ).`),
    uploadEmpty: "Файл пустой.",
    uploadForbidden: "Этот файл нельзя отправить.",
    uploadRateLimited: (seconds) => `Слишком много сообщений подряд — попробуйте через ${seconds} с.`,
    uploadNetwork: "Не удалось отправить файл: нет связи.",
    uploadFailed: "Не удалось отправить файл.",
    uploadBudgetSpent: (minutes) => `Вы отправили много файлов — попробуйте снова через ${minutes} мин.`,
    uploadServerBusy: "Чат сейчас не может принять файлы. Попробуйте позже.",
    uploadNotConnected: "Ещё нет соединения — попробуйте через несколько секунд.",
};

const tables: Record<string, Strings> = { en, ru };

/** Picks the table for the browser's first preferred language that we have, else English. */
export function pickStrings(languages: readonly string[]): Strings {
    for (const tag of languages) {
        const primary = tag.toLowerCase().split("-")[0];
        const table = tables[primary];
        if (table) return table;
    }
    return en;
}
