// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

namespace concierge {

using namespace Qt::StringLiterals;

namespace {

QString describe(const QKeychain::Job *job)
{
    const QString detail = job->errorString();
    QString what;
    switch (job->error()) {
    case QKeychain::NoError: return {};
    case QKeychain::EntryNotFound: what = QObject::tr("No such secret in the keychain"); break;
    case QKeychain::CouldNotDeleteEntry: what = QObject::tr("Could not delete the secret"); break;
    case QKeychain::AccessDeniedByUser: what = QObject::tr("Access to the keychain was denied"); break;
    case QKeychain::AccessDenied: what = QObject::tr("Access to the keychain was denied"); break;
    case QKeychain::NoBackendAvailable: what = QObject::tr("No keychain is available"); break;
    case QKeychain::NotImplemented: what = QObject::tr("The keychain does not support this"); break;
    case QKeychain::OtherError: what = QObject::tr("The keychain failed"); break;
    }
    return detail.isEmpty() ? what : what + u": "_s + detail;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : SecretStore(parent)
{
}

QString KeychainSecretStore::serviceName()
{
    return u"Concierge"_s;
}

void KeychainSecretStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
        // An absent secret is the normal first-start case, not an error (SecretStore contract).
        if (readJob->error() == QKeychain::EntryNotFound)
            Q_EMIT readFinished(key, QString(), QString());
        else if (readJob->error() != QKeychain::NoError)
            Q_EMIT readFinished(key, QString(), describe(readJob));
        else
            Q_EMIT readFinished(key, readJob->textData(), QString());
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        Q_EMIT writeFinished(key, describe(finished));
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [key](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound)
            qWarning("KeychainSecretStore: removing %s failed: %s", qUtf8Printable(key),
                     qUtf8Printable(describe(finished)));
    });
    job->start();
}

} // namespace concierge
