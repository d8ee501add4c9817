#include "storage/sha256.hpp"

#include <openssl/evp.h>

#include <cstring>
#include <stdexcept>

namespace cemetery::storage {

namespace {
[[noreturn]] void fail(const char* what) { throw std::runtime_error(std::string("libcrypto: ") + what + " failed"); }

// The algorithm fetched once: given EVP_sha256(), OpenSSL 3 looks its
// implementation up again at every EVP_DigestInit_ex, once per record digested.
const EVP_MD* sha256_md() {
    static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (!md) fail("EVP_MD_fetch");
    return md;
}
}  // namespace

struct Sha256::Context {
    EVP_MD_CTX* md = nullptr;
};

Sha256::Sha256() : ctx_(new Context) {
    ctx_->md = EVP_MD_CTX_new();
    if (!ctx_->md) {
        delete ctx_;
        fail("EVP_MD_CTX_new");
    }
    try {
        reset();
    } catch (...) {
        EVP_MD_CTX_free(ctx_->md);
        delete ctx_;
        throw;
    }
}

Sha256::~Sha256() {
    EVP_MD_CTX_free(ctx_->md);
    delete ctx_;
}

void Sha256::reset() {
    buffered_ = 0;
    if (EVP_DigestInit_ex(ctx_->md, sha256_md(), nullptr) != 1) fail("EVP_DigestInit_ex");
}

void Sha256::update(std::string_view bytes) {
    if (bytes.empty()) return;
    if (bytes.size() > buffer_.size() - buffered_) {
        flush();
        if (bytes.size() >= buffer_.size()) {
            if (EVP_DigestUpdate(ctx_->md, bytes.data(), bytes.size()) != 1) fail("EVP_DigestUpdate");
            return;
        }
    }
    std::memcpy(buffer_.data() + buffered_, bytes.data(), bytes.size());
    buffered_ += bytes.size();
}

void Sha256::flush() {
    if (buffered_ == 0) return;
    if (EVP_DigestUpdate(ctx_->md, buffer_.data(), buffered_) != 1) fail("EVP_DigestUpdate");
    buffered_ = 0;
}

Sha256Digest Sha256::finish() {
    flush();
    Sha256Digest out{};
    unsigned int size = 0;
    if (EVP_DigestFinal_ex(ctx_->md, out.data(), &size) != 1 || size != out.size()) fail("EVP_DigestFinal_ex");
    return out;
}

std::string to_hex(const Sha256Digest& digest) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(digest.size() * 2, '0');
    for (std::size_t i = 0; i < digest.size(); ++i) {
        out[2 * i] = digits[digest[i] >> 4];
        out[2 * i + 1] = digits[digest[i] & 0x0f];
    }
    return out;
}

std::string sha256_hex(std::string_view bytes) {
    Sha256Digest out{};
    unsigned int size = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), out.data(), &size, sha256_md(), nullptr) != 1 || size != out.size()) {
        fail("EVP_Digest");
    }
    return to_hex(out);
}

}  // namespace cemetery::storage
