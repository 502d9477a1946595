// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "History.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace concierge::protocol {

/// The one definition of how history search reads text, shared by the server and the app so
/// both find the same dialogs (docs/protocol.md, "History", "Search words"):
///
/// - fold(): lower case, ё → е, Latin letters lose their accents (é → e); one UTF-16 unit in,
///   one out, so a position in the folded text is the same position in the original.
/// - words are runs of letters, digits, private-use characters and non-spacing marks (what FTS5's
///   unicode61 keeps in a token); everything else — punctuation, emoji, joiners — separates them.
/// - a query is words (each must begin a word of the line: prefix match) and "quoted phrases"
///   (those words in that order, the last one a prefix). Any other character is a separator, so
///   no input is a syntax error; an unclosed quote runs to the end.
///
/// Index the *folded* text into FTS5 with `tokenize = "unicode61 remove_diacritics 0"` (folding
/// is done here, identically on both sides) and match with toFtsMatch().
namespace HistoryText {

/// At most this many words (phrase words included) are used; the rest are ignored.
constexpr int kMaxQueryWords = 16;
/// Words longer than this are cut to it (a prefix of the word: it still matches).
constexpr int kMaxWordLength = 64;

QString fold(QStringView text);
/// The words of \a text, folded (as FTS5 with the tokenizer above would see them).
QStringList words(QStringView text);

struct Query
{
    QList<QStringList> terms; ///< each a single word or a phrase's words; folded

    bool isEmpty() const { return terms.isEmpty(); }
    friend bool operator==(const Query &, const Query &) = default;
};

Query parse(QStringView userText);
/// An FTS5 MATCH expression: every term quoted, the last word of each a prefix (`"word"*`,
/// `"two words"*`), terms joined by AND. "" for an empty query.
QString toFtsMatch(const Query &query);
/// True when every term of \a query occurs in \a text as FTS5 would find it.
bool matches(QStringView text, const Query &query);
/// \a text cut to about \a window characters around the first match (… where cut, line breaks as
/// spaces), with every match inside marked. Without a match: the start of the text, no marks.
HistorySnippet snippet(qint64 messageId, QStringView text, const Query &query, int window = 120);

} // namespace HistoryText

} // namespace concierge::protocol
