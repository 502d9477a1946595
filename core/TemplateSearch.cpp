// SPDX-License-Identifier: GPL-3.0-or-later
#include "TemplateSearch.h"

#include <algorithm>
#include <bit>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define CONCIERGE_AVX2_SCAN
#endif

// How suggestions are ranked (issue 5: match quality, then this operator's use, then the title).
//
// Match quality (`Suggestion::score`). Each typed word gets the best place it occurs in, from
//   7 the whole title   6 the title's start   5 a word start in the title   4 inside the title
//   3 a tag             2 a word start in the text                          1 inside the text
// and so does the whole typed phrase (the words joined by one space; 0 if it is nowhere in one
// piece). Compared in this order:
//   1. the phrase's place when it is in the title (4–7), else 0;
//   2. how many typed words are in the title;
//   3. the phrase's place when it is in a tag or the text (1–3);
//   4. the sum of the words' places;
// packed as 1,000,000 × (1) + 10,000 × (2) + 1,000 × (3) + (4). With one word this is just the
// list above; with several, more words in the title beat fewer, and the phrase as typed beats the
// same words scattered.
//
// Use, among equal scores: weight = count × 2^(−days since last use ÷ 14). A template sent 10 times
// two months ago (weight ≈ 0.5) falls behind one sent twice yesterday (≈ 1.9); never used: 0.
// Then the title (folded, so in alphabetical order for Russian and English), then the id.

namespace concierge {

namespace {

enum MatchBit : quint8 {
    InText = 1,
    AtTextWord = 2,
    InTag = 4,
    InTitle = 8,
    AtTitleWord = 16,
    AtTitleStart = 32,
    WholeTitle = 64,
};

int placeOf(quint8 bits)
{
    if (bits & WholeTitle)
        return 7;
    if (bits & AtTitleStart)
        return 6;
    if (bits & AtTitleWord)
        return 5;
    if (bits & InTitle)
        return 4;
    if (bits & InTag)
        return 3;
    if (bits & AtTextWord)
        return 2;
    return (bits & InText) ? 1 : 0;
}

constexpr int kMaxWords = 16; // keeps each packed part of the score below the next one's unit
constexpr double kUseHalfLifeDays = 14;
constexpr char16_t kSeparator = 0;

bool isWordChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 128)
        return (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z');
    if (u >= 0x0400 && u <= 0x0481) // Cyrillic letters: most of a Russian index, without a call
        return true;
    return c.isLetterOrNumber();
}

/// Folded for the index: also every kind of white space as one plain space, so a typed phrase
/// finds "order\nstatus". Lengths never change.
QString foldForIndex(const QString &text)
{
    QString folded = foldForSearch(text);
    for (QChar &c : folded) {
        if (c.unicode() >= 0x0100 && c.unicode() < 0x1680) // no spaces here (Cyrillic): no call
            continue;
        if (c.isSpace() || c.unicode() == kSeparator)
            c = u' ';
    }
    return folded;
}

#if defined(CONCIERGE_AVX2_SCAN)
/// The SSE2 loop of scanRange, sixteen places at a time, for the processors that have AVX2 (most
/// x86-64 ones since 2013; the baseline build may not assume it). Leaves `pos` where it stopped;
/// answers false when `candidate` asked to stop.
template<typename Candidate>
__attribute__((target("avx2"))) bool scanAvx2(const char16_t *units, qsizetype &pos, qsizetype lastAnchor,
                                              qsizetype delta, char16_t a, char16_t b,
                                              const qsizetype &skipTo, Candidate &candidate)
{
    const __m256i wantedA = _mm256_set1_epi16(short(a));
    const __m256i wantedB = _mm256_set1_epi16(short(b));
    while (pos + 16 <= lastAnchor + 1) {
        const __m256i atA = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(units + pos));
        const __m256i atB = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(units + pos + delta));
        const __m256i both = _mm256_and_si256(_mm256_cmpeq_epi16(atA, wantedA), _mm256_cmpeq_epi16(atB, wantedB));
        unsigned mask = unsigned(_mm256_movemask_epi8(both)) & 0x55555555u;
        while (mask) {
            if (!candidate(pos + std::countr_zero(mask) / 2))
                return false;
            mask &= mask - 1;
        }
        pos = std::max(pos + 16, skipTo);
    }
    return true;
}
#endif

/// Calls onHit(position) for each occurrence of `needle` in buf[from, to); onHit answers where to
/// go on looking (any value below the next position just goes on; -1 stops). `anchor` and
/// `second` are the positions of the needle's two rarest characters: eight places at a time
/// (SSE2, the x86-64 baseline; sixteen with AVX2) are tested for both at once, so a scan of the whole index runs near
/// memory speed and hardly any place that is not a hit gets compared in full.
template<typename OnHit>
void scanRange(const QChar *buf, qsizetype from, qsizetype to, QStringView needle, qsizetype anchor,
               qsizetype second, OnHit &&onHit)
{
    const qsizetype length = needle.size();
    const auto *units = reinterpret_cast<const char16_t *>(buf);
    const char16_t *wanted = needle.utf16();
    const char16_t a = wanted[anchor];
    const char16_t b = wanted[second];
    const qsizetype delta = second - anchor;
    const qsizetype lastAnchor = to - length + anchor; // inclusive
    qsizetype skipTo = from + anchor; // anchors before this are not looked at
    // Answers false to stop.
    const auto candidate = [&](qsizetype anchorAt) {
        if (anchorAt < skipTo)
            return true;
        const qsizetype at = anchorAt - anchor;
        for (qsizetype i = 0; i < length; ++i) {
            if (units[at + i] != wanted[i])
                return true;
        }
        const qsizetype next = onHit(at);
        if (next < 0)
            return false;
        skipTo = std::max(anchorAt + 1, next + anchor);
        return true;
    };
    qsizetype pos = skipTo;
#if defined(CONCIERGE_AVX2_SCAN)
    static const bool hasAvx2 = __builtin_cpu_supports("avx2");
    if (hasAvx2 && !scanAvx2(units, pos, lastAnchor, delta, a, b, skipTo, candidate))
        return;
#endif
#if defined(__SSE2__)
    const __m128i wantedA = _mm_set1_epi16(short(a));
    const __m128i wantedB = _mm_set1_epi16(short(b));
    while (pos + 8 <= lastAnchor + 1) {
        const __m128i atA = _mm_loadu_si128(reinterpret_cast<const __m128i *>(units + pos));
        const __m128i atB = _mm_loadu_si128(reinterpret_cast<const __m128i *>(units + pos + delta));
        const __m128i both = _mm_and_si128(_mm_cmpeq_epi16(atA, wantedA), _mm_cmpeq_epi16(atB, wantedB));
        // Two mask bits per unit: keep the low one of each.
        unsigned mask = unsigned(_mm_movemask_epi8(both)) & 0x5555u;
        while (mask) {
            if (!candidate(pos + std::countr_zero(mask) / 2))
                return;
            mask &= mask - 1;
        }
        pos = std::max(pos + 8, skipTo);
    }
#endif
    for (; pos <= lastAnchor; ++pos) {
        if (units[pos] == a && units[pos + delta] == b && !candidate(pos))
            return;
        pos = std::max(pos, skipTo - 1);
    }
}

double useWeight(const TemplateUsage &use, const QDateTime &now)
{
    if (use.count <= 0)
        return 0;
    const double days = use.lastUsed.isValid()
                            ? std::max<double>(0, double(use.lastUsed.secsTo(now)) / 86400.0)
                            : 365.0;
    return use.count * std::exp2(-days / kUseHalfLifeDays);
}

/// Occurrences of `words` in buf[from, to) as spans relative to `from`, merged where they touch,
/// at most `max`.
QList<TextSpan> spansIn(const QChar *buf, qsizetype from, qsizetype to, const QStringList &words,
                        qsizetype max)
{
    QList<TextSpan> spans;
    const QStringView field(buf + from, to - from);
    for (const QString &word : words) {
        for (qsizetype at = field.indexOf(word); at >= 0; at = field.indexOf(word, at + word.size()))
            spans.append({int(at), int(word.size())});
    }
    std::sort(spans.begin(), spans.end(),
              [](const TextSpan &a, const TextSpan &b) { return a.start < b.start; });
    QList<TextSpan> merged;
    for (const TextSpan &span : std::as_const(spans)) {
        if (!merged.isEmpty() && span.start <= merged.last().start + merged.last().length) {
            TextSpan &last = merged.last();
            last.length = std::max(last.start + last.length, span.start + span.length) - last.start;
        } else {
            merged.append(span);
        }
    }
    if (merged.size() > max)
        merged.resize(max);
    return merged;
}

} // namespace

QString foldForSearch(const QString &text)
{
    QString folded(text.size(), Qt::Uninitialized);
    QChar *out = folded.data();
    for (const QChar c : text) {
        char16_t f = c.unicode();
        // English and Russian without a call into Qt's tables (building the index folds millions).
        if (f < 128) {
            if (f >= u'A' && f <= u'Z')
                f += 32;
        } else if (f >= u'А' && f <= u'Я') {
            f += 32;
        } else if (f < u'а' || f > u'я') {
            // Unit by unit: one whose folding would leave the BMP stays as it is, and surrogates
            // fold to themselves, so the length never changes.
            const char32_t wide = QChar::toCaseFolded(char32_t(f));
            f = wide > 0xffff ? f : char16_t(wide);
            if (f == u'ё')
                f = u'е';
        }
        *out++ = QChar(f);
    }
    return folded;
}

struct TemplateIndex::Query
{
    bool titleOnly = false;
    QStringList words; ///< folded, no white space, rarest first
    QString phrase;    ///< the words as typed, joined by one space
};

void TemplateIndex::reset(const QList<protocol::Template> &templates)
{
    m_recent.clear();
    m_buffer.clear();
    m_slots.clear();
    m_slotOf.clear();
    m_charCount.assign(0x10000, 0);
    m_deadChars = 0;
    qsizetype chars = 0;
    for (const protocol::Template &t : templates)
        chars += t.title.size() + t.text.size() + t.tags.join(u' ').size() + 4;
    m_buffer.reserve(chars);
    m_slots.reserve(size_t(templates.size()));
    for (const protocol::Template &t : templates)
        upsert(t);
}

void TemplateIndex::upsert(const protocol::Template &t)
{
    if (m_charCount.empty())
        m_charCount.assign(0x10000, 0);
    m_recent.clear();
    if (const auto it = m_slotOf.constFind(t.id); it != m_slotOf.cend()) {
        kill(*it);
        m_slotOf.erase(it);
    }
    if (!t.deleted)
        append(t);
    compactIfWasteful();
}

void TemplateIndex::remove(qint64 id)
{
    if (const auto it = m_slotOf.constFind(id); it != m_slotOf.cend()) {
        m_recent.clear();
        kill(*it);
        m_slotOf.erase(it);
        compactIfWasteful();
    }
}

qsizetype TemplateIndex::size() const
{
    return m_slotOf.size();
}

void TemplateIndex::append(const protocol::Template &t)
{
    Slot slot;
    slot.id = t.id;
    slot.start = m_buffer.size();
    m_buffer += foldForIndex(t.title);
    slot.titleEnd = m_buffer.size();
    m_buffer += QChar(kSeparator);
    for (const QString &tag : t.tags) {
        m_buffer += foldForIndex(tag);
        m_buffer += QChar(kSeparator);
    }
    slot.tagsEnd = m_buffer.size();
    m_buffer += foldForIndex(t.text);
    slot.textEnd = m_buffer.size();
    m_buffer += QChar(kSeparator);
    for (qsizetype i = slot.start; i < slot.textEnd; ++i)
        ++m_charCount[m_buffer.at(i).unicode()];
    m_slotOf.insert(t.id, qsizetype(m_slots.size()));
    m_slots.push_back(slot);
}

void TemplateIndex::kill(qsizetype index)
{
    Slot &slot = m_slots[size_t(index)];
    slot.live = false;
    for (qsizetype i = slot.start; i < slot.textEnd; ++i)
        --m_charCount[m_buffer.at(i).unicode()];
    m_deadChars += slot.textEnd + 1 - slot.start;
}

/// Replaced and removed templates stay in the buffer (a keystroke skips them) until they are half
/// of it; then the live ones are laid end to end again.
void TemplateIndex::compactIfWasteful()
{
    if (m_deadChars < 4096 || m_deadChars * 2 < m_buffer.size())
        return;
    QString buffer;
    buffer.reserve(m_buffer.size() - m_deadChars);
    std::vector<Slot> liveSlots;
    liveSlots.reserve(size_t(m_slotOf.size()));
    m_slotOf.clear();
    for (Slot slot : m_slots) {
        if (!slot.live)
            continue;
        const qsizetype shift = buffer.size() - slot.start;
        buffer += QStringView(m_buffer).mid(slot.start, slot.textEnd + 1 - slot.start);
        slot.start += shift;
        slot.titleEnd += shift;
        slot.tagsEnd += shift;
        slot.textEnd += shift;
        m_slotOf.insert(slot.id, qsizetype(liveSlots.size()));
        liveSlots.push_back(slot);
    }
    m_buffer = std::move(buffer);
    m_slots = std::move(liveSlots);
    m_deadChars = 0;
}

/// Marks, for each slot, where `word` occurs (MatchBit), in the whole index or only in `onlySlots`.
/// Once a slot's best possible place for the word is known, the scan jumps to the next slot.
void TemplateIndex::scanWord(const QString &word, const Query &query, std::vector<quint8> &marks,
                             const std::vector<qsizetype> *onlySlots) const
{
    marks.assign(m_slots.size(), 0);
    // The two rarest characters (the same one twice for a single character).
    const auto count = [this, &word](qsizetype i) { return m_charCount[word.at(i).unicode()]; };
    qsizetype anchor = 0;
    for (qsizetype i = 1; i < word.size(); ++i) {
        if (count(i) < count(anchor))
            anchor = i;
    }
    if (count(anchor) == 0)
        return;
    qsizetype second = anchor;
    for (qsizetype i = 0; i < word.size(); ++i) {
        if (i != anchor && (second == anchor || count(i) < count(second)))
            second = i;
    }
    const QChar *buf = m_buffer.constData();
    const qsizetype length = word.size();
    size_t s = 0; // the slot of the last hit: hits come in buffer order
    const auto nextSlotStart = [this](size_t slot) { return m_slots[slot].textEnd + 1; };
    const auto onHit = [&](qsizetype at) -> qsizetype {
        while (m_slots[s].textEnd < at)
            ++s;
        const Slot &slot = m_slots[s];
        quint8 &bits = marks[s];
        if (!slot.live)
            return nextSlotStart(s);
        const bool atWord = at == slot.start || !isWordChar(buf[at - 1]);
        if (at < slot.titleEnd) {
            bits |= InTitle;
            if (atWord)
                bits |= AtTitleWord;
            if (at == slot.start) {
                bits |= AtTitleStart;
                if (at + length == slot.titleEnd)
                    bits |= WholeTitle;
            }
            // Nothing after a word start in the title can rank higher.
            return atWord ? nextSlotStart(s) : at + 1;
        }
        if (query.titleOnly || (bits & InTitle))
            return nextSlotStart(s);
        if (at < slot.tagsEnd) {
            bits |= InTag;
            return nextSlotStart(s);
        }
        bits |= InText;
        if (atWord) {
            bits |= AtTextWord;
            return nextSlotStart(s);
        }
        return at + 1;
    };
    if (!onlySlots && !query.titleOnly) {
        scanRange(buf, 0, m_buffer.size(), word, anchor, second, onHit);
        return;
    }
    // One slot at a time; for "/" only the titles, a twentieth of the buffer.
    const auto scanSlot = [&](size_t index) {
        s = index;
        const Slot &slot = m_slots[s];
        if (slot.live)
            scanRange(buf, slot.start, query.titleOnly ? slot.titleEnd : slot.textEnd, word, anchor, second, onHit);
    };
    if (onlySlots) {
        for (const qsizetype only : *onlySlots)
            scanSlot(size_t(only));
    } else {
        for (size_t index = 0; index < m_slots.size(); ++index)
            scanSlot(index);
    }
}

QList<Suggestion> TemplateIndex::suggest(const QString &typed,
                                         const std::function<TemplateUsage(qint64)> &usage,
                                         qsizetype limit, const QDateTime &now) const
{
    Query query;
    QString text = typed.trimmed();
    if (text.startsWith(u'/')) {
        query.titleOnly = true;
        text = text.mid(1).trimmed();
        if (text.isEmpty())
            return {};
    } else if (text.size() < 2) {
        return {};
    }
    if (limit <= 0 || m_slots.empty())
        return {};
    query.words = foldForIndex(text).split(u' ', Qt::SkipEmptyParts);
    if (query.words.size() > kMaxWords)
        query.words.resize(kMaxWords);
    query.phrase = query.words.join(u' ');
    // The rarest word first (by its rarest character): it leaves the fewest slots for the others.
    const auto rarity = [this](const QString &word) {
        quint32 least = UINT32_MAX;
        for (const QChar c : word)
            least = std::min(least, m_charCount[c.unicode()]);
        return least;
    };
    std::stable_sort(query.words.begin(), query.words.end(), [&rarity](const QString &a, const QString &b) {
        return rarity(a) < rarity(b);
    });

    // Typing on: what matches now matched the shorter query too (every word then was a prefix of
    // a word now), so only its candidates are looked at again.
    const std::vector<qsizetype> *narrowTo = nullptr;
    for (const Narrowing &recent : m_recent) {
        if (recent.titleOnly == query.titleOnly && query.phrase.startsWith(recent.phrase)
            && (!narrowTo || recent.candidates.size() < narrowTo->size()))
            narrowTo = &recent.candidates;
    }

    // Slots holding every word, and for each the words' marks.
    const size_t slotCount = m_slots.size();
    std::vector<std::vector<quint8>> wordMarks(size_t(query.words.size()));
    std::vector<qsizetype> candidates;
    for (qsizetype w = 0; w < query.words.size(); ++w) {
        const std::vector<qsizetype> *only = w == 0 ? narrowTo : &candidates;
        // Many candidates are cheaper to find again in one pass over the whole buffer.
        if (only && only->size() * 2 > slotCount)
            only = nullptr;
        std::vector<quint8> &marks = wordMarks[size_t(w)];
        scanWord(query.words.at(w), query, marks, only);
        std::vector<qsizetype> kept;
        if (w == 0 && !narrowTo) {
            for (size_t s = 0; s < slotCount; ++s) {
                if (marks[s])
                    kept.push_back(qsizetype(s));
            }
        } else {
            for (const qsizetype s : w == 0 ? *narrowTo : candidates) {
                if (marks[size_t(s)])
                    kept.push_back(s);
            }
        }
        candidates = std::move(kept);
        if (candidates.empty())
            break;
    }
    if (m_recent.size() >= kRecentQueries)
        m_recent.erase(m_recent.begin());
    m_recent.push_back({query.titleOnly, query.phrase, candidates});
    if (candidates.empty())
        return {};
    std::vector<quint8> phraseMarks;
    if (query.words.size() > 1)
        scanWord(query.phrase, query, phraseMarks, &candidates);

    struct Ranked
    {
        qsizetype slot = 0;
        int score = 0;
        double use = 0;
    };
    std::vector<Ranked> ranked;
    ranked.reserve(candidates.size());
    for (const qsizetype s : candidates) {
        int titleWords = 0;
        int places = 0;
        for (const std::vector<quint8> &marks : wordMarks) {
            const quint8 bits = marks[size_t(s)];
            titleWords += (bits & InTitle) ? 1 : 0;
            places += placeOf(bits);
        }
        const int phrase = placeOf(query.words.size() > 1 ? phraseMarks[size_t(s)] : wordMarks[0][size_t(s)]);
        const int phraseInTitle = phrase >= 4 ? phrase : 0;
        const int phraseElsewhere = phrase < 4 ? phrase : 0;
        ranked.push_back({s, phraseInTitle * 1'000'000 + titleWords * 10'000 + phraseElsewhere * 1'000 + places, 0});
    }

    // Only templates that can make the top `limit` on score are weighed by use.
    const auto byScore = [](const Ranked &a, const Ranked &b) { return a.score > b.score; };
    if (qsizetype(ranked.size()) > limit) {
        std::nth_element(ranked.begin(), ranked.begin() + (limit - 1), ranked.end(), byScore);
        const int threshold = ranked[size_t(limit - 1)].score;
        std::erase_if(ranked, [threshold](const Ranked &r) { return r.score < threshold; });
    }
    for (Ranked &r : ranked) {
        if (usage)
            r.use = useWeight(usage(m_slots[size_t(r.slot)].id), now);
    }
    const auto title = [this](qsizetype s) {
        const Slot &slot = m_slots[size_t(s)];
        return QStringView(m_buffer).mid(slot.start, slot.titleEnd - slot.start);
    };
    const auto better = [&](const Ranked &a, const Ranked &b) {
        if (a.score != b.score)
            return a.score > b.score;
        if (a.use != b.use)
            return a.use > b.use;
        if (const int c = title(a.slot).compare(title(b.slot)); c != 0)
            return c < 0;
        return m_slots[size_t(a.slot)].id < m_slots[size_t(b.slot)].id;
    };
    const auto top = ranked.begin() + std::min<qsizetype>(limit, qsizetype(ranked.size()));
    std::partial_sort(ranked.begin(), top, ranked.end(), better);

    QList<Suggestion> suggestions;
    for (auto it = ranked.begin(); it != top; ++it) {
        Suggestion suggestion = spansFor(m_slots[size_t(it->slot)], query);
        suggestion.score = it->score;
        suggestions.append(suggestion);
    }
    return suggestions;
}

/// Highlights: every occurrence in the title; in the text the first kMaxTextSpans within its first
/// kTextSpanWindow characters (what a suggestion row shows of it). None in the text for "/".
Suggestion TemplateIndex::spansFor(const Slot &slot, const Query &query) const
{
    Suggestion suggestion;
    suggestion.templateId = slot.id;
    const QChar *buf = m_buffer.constData();
    suggestion.titleSpans = spansIn(buf, slot.start, slot.titleEnd, query.words, slot.titleEnd);
    if (!query.titleOnly) {
        const qsizetype windowEnd = std::min(slot.textEnd, slot.tagsEnd + kTextSpanWindow);
        suggestion.textSpans = spansIn(buf, slot.tagsEnd, windowEnd, query.words, kMaxTextSpans);
    }
    return suggestion;
}

} // namespace concierge
