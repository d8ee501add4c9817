#pragma once
// SHA-256 through OpenSSL's libcrypto (the EVP interface), for the change log's
// chain and the digests of records. Kept to this one file so that no other part
// of the library sees OpenSSL.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace cemetery::storage {

using Sha256Digest = std::array<std::uint8_t, 32>;

// Lower-case hexadecimal, 64 characters.
[[nodiscard]] std::string to_hex(const Sha256Digest& digest);
// The hexadecimal SHA-256 of `bytes`.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

// A digest fed piece by piece. Not copyable; one hasher gives one digest
// (finish() ends it; reset() starts a new one). Pieces are gathered in a small
// buffer and handed to libcrypto together: a record's canonical form comes in
// some sixty pieces of a few bytes, and a call into libcrypto costs more than
// hashing them. Throws std::runtime_error when
// libcrypto fails, which only a broken installation makes it do.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void reset();
    void update(std::string_view bytes);
    [[nodiscard]] Sha256Digest finish();

private:
    void flush();

    struct Context;
    Context* ctx_;
    std::array<char, 4096> buffer_{};
    std::size_t buffered_ = 0;
};

}  // namespace cemetery::storage
