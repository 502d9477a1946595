// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Template.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <vector>

namespace concierge {

/// A run of characters in a template's title or text, for highlighting what was typed.
struct TextSpan
{
    int start = 0;
    int length = 0;
    friend bool operator==(const TextSpan &, const TextSpan &) = default;
};

/// How often and when this operator last sent a template (kept locally, never synced).
struct TemplateUsage
{
    int count = 0;
    QDateTime lastUsed;
};

/// One template that matches what the operator typed. `score` is the match quality only (higher is
/// better; see TemplateSearch.cpp); the order of suggest()'s answer also weighs the operator's use.
/// Spans index the template's own title and text (folding keeps lengths, so they map back 1:1).
struct Suggestion
{
    qint64 templateId = 0;
    int score = 0;
    QList<TextSpan> titleSpans;
    QList<TextSpan> textSpans; ///< at most kMaxTextSpans, all within the first kTextSpanWindow characters
};

/// Case-folds and turns ё into е (Ё folds to ё, then е): "Ёлка" and "елка" compare equal. Keeps the
/// length and positions of `text`, so a span found in the folded text is a span of the original.
QString foldForSearch(const QString &text);

/// The templates as the suggestion popup searches them (issue 5, "Suggestions while typing"): every
/// title, tag and text folded once, here, and laid end to end in one buffer, so a keystroke costs a
/// scan of contiguous memory (budget: 2 ms with 10,000 templates, ARCHITECTURE.md).
/// Not thread-safe, suggest() included (it remembers recent queries): use it from one thread.
class TemplateIndex
{
public:
    static constexpr int kMaxTextSpans = 3;
    static constexpr int kTextSpanWindow = 200;

    void reset(const QList<protocol::Template> &templates);
    /// Adds a template or replaces the one with the same id; a deleted one (a tombstone) is removed.
    void upsert(const protocol::Template &t);
    void remove(qint64 id);
    qsizetype size() const;

    /// Templates matching `typed`, best first, at most `limit`. `typed` needs 2+ characters after
    /// trimming; "/xx" searches titles only (1+ characters after the slash). Every typed word must
    /// occur in the title, a tag or the text (as a substring; a word start ranks higher).
    /// `usage` is asked only about templates that could make the top `limit`.
    QList<Suggestion> suggest(const QString &typed, const std::function<TemplateUsage(qint64)> &usage,
                              qsizetype limit = 8,
                              const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

private:
    struct Slot
    {
        qint64 id = 0;
        qsizetype start = 0;    ///< title starts here in m_buffer
        qsizetype titleEnd = 0; ///< a 0 separator follows each field and each tag
        qsizetype tagsEnd = 0;
        qsizetype textEnd = 0;
        bool live = true;
    };
    struct Query;
    /// The candidates of a recent query, to narrow down the next keystroke's search.
    struct Narrowing
    {
        bool titleOnly = false;
        QString phrase;
        std::vector<qsizetype> candidates;
    };
    static constexpr size_t kRecentQueries = 8;

    void append(const protocol::Template &t);
    void kill(qsizetype slot);
    void compactIfWasteful();
    void scanWord(const QString &word, const Query &query, std::vector<quint8> &marks,
                  const std::vector<qsizetype> *onlySlots) const;
    Suggestion spansFor(const Slot &slot, const Query &query) const;

    QString m_buffer;                  ///< folded fields of every slot, end to end, 0-separated
    std::vector<Slot> m_slots;         ///< in buffer order; replaced/removed ones stay dead until compaction
    QHash<qint64, qsizetype> m_slotOf; ///< id → its live slot
    std::vector<quint32> m_charCount;  ///< occurrences of each UTF-16 unit: picks a query's rarest char
    qsizetype m_deadChars = 0;
    mutable std::vector<Narrowing> m_recent; ///< a cache: cleared by every change to the index
};

} // namespace concierge
