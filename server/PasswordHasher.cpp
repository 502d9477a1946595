// SPDX-License-Identifier: GPL-3.0-or-later
#include "PasswordHasher.h"

#include <QByteArray>
#include <QCryptographicHash>

#include <sodium.h>

namespace concierge::server {

bool PasswordHasher::initialize()
{
    return sodium_init() >= 0;
}

QString PasswordHasher::hash(const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return {};
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &encodedHash, const QString &password)
{
    const QByteArray stored = encodedHash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    if (stored.isEmpty())
        return false;
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size()))
           == 0;
}

void PasswordHasher::burnVerify(const QString &password)
{
    static const QString dummy = hash(QStringLiteral("concierge-timing-equaliser"));
    verify(dummy, password);
}

QString PasswordHasher::newToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    randombytes_buf(bytes.data(), static_cast<size_t>(bytes.size()));
    return QString::fromLatin1(bytes.toHex());
}

QString PasswordHasher::tokenHash(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString PasswordHasher::randomPassword()
{
    static constexpr char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    constexpr uint32_t size = sizeof(alphabet) - 1;
    QString password;
    for (int i = 0; i < 16; ++i)
        password.append(QLatin1Char(alphabet[randombytes_uniform(size)]));
    return password;
}

} // namespace concierge::server
