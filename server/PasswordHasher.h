// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace concierge::server {

/// Argon2id password hashes (libsodium crypto_pwhash_str, "interactive" limits), plus the random
/// secrets the server hands out. Call initialize() once before anything else.
class PasswordHasher
{
public:
    static bool initialize();

    /// An encoded Argon2id hash string (salt and parameters included); empty on failure.
    static QString hash(const QString &password);
    static bool verify(const QString &encodedHash, const QString &password);
    /// Spends the same effort as a verify; used for unknown accounts so timing does not tell.
    static void burnVerify(const QString &password);

    /// 256 random bits as 64 hex characters: session and visitor tokens.
    static QString newToken();
    /// SHA-256 (hex) of a token: what the database keeps instead of the token.
    static QString tokenHash(const QString &token);
    /// A random 16-character password of letters and digits.
    static QString randomPassword();
};

} // namespace concierge::server
