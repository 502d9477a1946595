// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryText.h"

#include <algorithm>

namespace concierge::protocol::HistoryText {

namespace {

constexpr char16_t kCyrillicSmallIo = u'\u0451'; // ё
constexpr char16_t kCyrillicSmallIe = u'\u0435'; // е

QChar foldChar(QChar c)
{
    c = c.toLower();
    if (c.unicode() == kCyrillicSmallIo)
        return QChar(kCyrillicSmallIe);
    // Latin letters with accents (é, ñ, ü…) become their base letter. Only Latin: in Cyrillic
    // й is its own letter, not и with a mark.
    if (c.unicode() >= 0xC0 && c.unicode() < 0x250 && c.decompositionTag() == QChar::Canonical) {
        const QString base = c.decomposition();
        if (!base.isEmpty() && base.at(0).isLetter())
            return base.at(0).toLower();
    }
    return c;
}

/// What FTS5's unicode61 tokenizer (SQLite 3.40, remove_diacritics 0) keeps inside a token:
/// letters, numbers, private-use characters and non-spacing marks (a decomposed ё stays one
/// word); everything else — spaces, punctuation, emoji, joiners — separates words. Checked
/// against SQLite itself in tst_history_text.
bool isWordCategory(QChar::Category category)
{
    switch (category) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Other_PrivateUse:
    case QChar::Mark_NonSpacing:
        return true;
    default:
        return false;
    }
}

/// How many UTF-16 units the character at \a i takes (2 for a whole surrogate pair) and whether
/// it belongs inside a word.
int charAt(QStringView text, qsizetype i, bool *wordChar)
{
    const QChar c = text[i];
    if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
        *wordChar = isWordCategory(QChar::category(QChar::surrogateToUcs4(c, text[i + 1])));
        return 2;
    }
    *wordChar = !c.isSurrogate() && isWordCategory(c.category());
    return 1;
}

struct WordSpan
{
    int start = 0;
    int length = 0;
};

QList<WordSpan> wordSpans(QStringView folded)
{
    QList<WordSpan> spans;
    const int n = int(folded.size());
    int i = 0;
    int start = -1;
    while (i < n) {
        bool word = false;
        const int width = charAt(folded, i, &word);
        if (word && start < 0)
            start = i;
        else if (!word && start >= 0) {
            spans.append({start, i - start});
            start = -1;
        }
        i += width;
    }
    if (start >= 0)
        spans.append({start, n - start});
    return spans;
}

/// Where each term of \a query occurs in \a folded: spans from the first word's start to the last
/// word's end, in text order.
QList<TextSpan> findMatches(QStringView folded, const QList<WordSpan> &spans, const Query &query,
                            QList<bool> *termFound = nullptr)
{
    QList<TextSpan> found;
    if (termFound)
        termFound->fill(false, query.terms.size());
    for (qsizetype t = 0; t < query.terms.size(); ++t) {
        const QStringList &term = query.terms.at(t);
        const qsizetype last = term.size() - 1;
        for (qsizetype i = 0; i + last < spans.size(); ++i) {
            bool ok = true;
            for (qsizetype k = 0; k <= last && ok; ++k) {
                const WordSpan &w = spans.at(i + k);
                const QStringView word = folded.sliced(w.start, w.length);
                ok = k < last ? word == term.at(k) : word.startsWith(term.at(k));
            }
            if (!ok)
                continue;
            const WordSpan &first = spans.at(i);
            const WordSpan &end = spans.at(i + last);
            found.append({first.start, end.start + end.length - first.start});
            if (termFound)
                (*termFound)[t] = true;
        }
    }
    std::sort(found.begin(), found.end(), [](const TextSpan &a, const TextSpan &b) {
        return a.start < b.start || (a.start == b.start && a.length > b.length);
    });
    // Overlapping matches (one word found by two terms) merge into one mark.
    QList<TextSpan> merged;
    for (const TextSpan &span : found) {
        if (!merged.isEmpty() && span.start < merged.last().start + merged.last().length) {
            TextSpan &previous = merged.last();
            previous.length = std::max(previous.start + previous.length, span.start + span.length) - previous.start;
        } else {
            merged.append(span);
        }
    }
    return merged;
}

} // namespace

QString fold(QStringView text)
{
    QString folded(text.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < text.size(); ++i)
        folded[i] = foldChar(text[i]);
    return folded;
}

QStringList words(QStringView text)
{
    const QString folded = fold(text);
    QStringList result;
    for (const WordSpan &span : wordSpans(folded))
        result.append(folded.mid(span.start, span.length));
    return result;
}

Query parse(QStringView userText)
{
    Query query;
    int budget = kMaxQueryWords;
    auto take = [&](QStringView chunk, bool phrase) {
        QStringList chunkWords = words(chunk);
        for (QString &word : chunkWords) {
            word.truncate(kMaxWordLength);
            if (word.back().isHighSurrogate()) // never keep half a character
                word.chop(1);
        }
        if (chunkWords.size() > budget)
            chunkWords.resize(budget);
        budget -= int(chunkWords.size());
        if (chunkWords.isEmpty())
            return;
        if (phrase) {
            query.terms.append(chunkWords);
        } else {
            for (const QString &word : std::as_const(chunkWords))
                query.terms.append(QStringList{word});
        }
    };
    qsizetype i = 0;
    while (i < userText.size() && budget > 0) {
        const qsizetype quote = userText.indexOf(u'"', i);
        if (quote < 0) {
            take(userText.sliced(i), false);
            break;
        }
        take(userText.sliced(i, quote - i), false);
        const qsizetype close = userText.indexOf(u'"', quote + 1);
        const qsizetype end = close < 0 ? userText.size() : close;
        take(userText.sliced(quote + 1, end - quote - 1), true);
        i = close < 0 ? userText.size() : close + 1;
    }
    // The same term twice narrows nothing.
    QList<QStringList> unique;
    for (const QStringList &term : std::as_const(query.terms)) {
        if (!unique.contains(term))
            unique.append(term);
    }
    query.terms = unique;
    return query;
}

QString toFtsMatch(const Query &query)
{
    QStringList parts;
    // Terms hold only word characters, so quoting them needs no escaping.
    for (const QStringList &term : query.terms)
        parts.append(u'"' + term.join(u' ') + u"\"*");
    return parts.join(u" AND ");
}

bool matches(QStringView text, const Query &query)
{
    if (query.isEmpty())
        return true;
    const QString folded = fold(text);
    QList<bool> found;
    findMatches(folded, wordSpans(folded), query, &found);
    return !found.contains(false);
}

HistorySnippet snippet(qint64 messageId, QStringView text, const Query &query, int window)
{
    HistorySnippet result;
    result.messageId = messageId;
    const QString folded = fold(text);
    const QList<TextSpan> found = findMatches(folded, wordSpans(folded), query);
    const int n = int(text.size());
    window = std::max(window, 20);

    // Start a third of the window before the first match, at a word start where one is near.
    int begin = 0;
    if (!found.isEmpty() && n > window) {
        begin = std::max(0, found.first().start - window / 3);
        const int cut = begin;
        while (begin > 0 && begin > cut - 12 && !text[begin - 1].isSpace())
            --begin;
        if (begin > 0 && !text[begin - 1].isSpace())
            begin = cut; // no space nearby: cut mid-word rather than grow the window
    }
    int end = std::min(n, begin + window);
    if (end < n) {
        const int cut = end;
        while (end > begin + window / 2 && !text[end].isSpace())
            --end;
        if (end <= begin + window / 2)
            end = cut;
    }
    // Never split a surrogate pair at either edge.
    if (begin > 0 && begin < n && text[begin].isLowSurrogate())
        ++begin;
    if (end < n && end > begin && text[end - 1].isHighSurrogate())
        --end;

    const QString ellipsis = QStringLiteral("\u2026");
    QString body = text.sliced(begin, end - begin).toString();
    for (QChar &c : body) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    const int shift = begin > 0 ? 1 : 0;
    result.text = (begin > 0 ? ellipsis : QString()) + body + (end < n ? ellipsis : QString());
    for (const TextSpan &span : found) {
        if (span.start >= begin && span.start + span.length <= end)
            result.highlights.append({span.start - begin + shift, span.length});
    }
    return result;
}

} // namespace concierge::protocol::HistoryText
