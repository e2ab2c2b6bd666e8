#include "nftables.h"

#include <QJsonDocument>

#include <nftables/libnftables.h>

#include <memory>

namespace Passerelle::Nftables {

bool run(const QJsonObject &commands, Output mode, QJsonObject *output, QString *error)
{
    // A context per call: its socket belongs to the namespace the calling
    // thread is in now, which may not be the one of an earlier call.
    const std::unique_ptr<nft_ctx, void (*)(nft_ctx *)> ctx(nft_ctx_new(NFT_CTX_DEFAULT), nft_ctx_free);
    if (!ctx) {
        *error = QStringLiteral("libnftables could not create a context");
        return false;
    }
    // JSON output also makes libnftables read its input as JSON.
    unsigned int flags = NFT_CTX_OUTPUT_JSON | NFT_CTX_OUTPUT_HANDLE;
    if (mode == Output::Echo)
        flags |= NFT_CTX_OUTPUT_ECHO;
    nft_ctx_output_set_flags(ctx.get(), flags);
    if (nft_ctx_buffer_output(ctx.get()) != 0 || nft_ctx_buffer_error(ctx.get()) != 0) {
        *error = QStringLiteral("libnftables could not buffer its output");
        return false;
    }
    const QByteArray input = QJsonDocument(commands).toJson(QJsonDocument::Compact);
    const int rc = nft_run_cmd_from_buffer(ctx.get(), input.constData());
    if (rc != 0) {
        *error = QString::fromUtf8(nft_ctx_get_error_buffer(ctx.get())).trimmed();
        if (error->isEmpty())
            *error = QStringLiteral("libnftables failed (%1)").arg(rc);
        return false;
    }
    const QByteArray text = nft_ctx_get_output_buffer(ctx.get());
    if (text.trimmed().isEmpty()) {
        *output = QJsonObject();
        return true;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("libnftables printed JSON that cannot be read: %1").arg(parseError.errorString());
        return false;
    }
    *output = doc.object();
    return true;
}

} // namespace Passerelle::Nftables
