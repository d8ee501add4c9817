#include "storage/log_people.hpp"

#include "storage/canonical.hpp"
#include "storage/sha256.hpp"

namespace cemetery::storage {

std::string holders_digest(const std::vector<Holder>& holders) {
    Sha256 hash;
    Canonical out(hash);
    out.text("cemetery holders digest format 1");
    out.integer(static_cast<std::int64_t>(holders.size()));
    for (const auto& h : holders) {
        out.mark('(');
        out.text(h.surname);
        out.text(h.given_name);
        out.text(h.codice_fiscale);
        out.text(h.address);
        out.text(h.phone);
        out.text(h.email);
        out.mark(')');
    }
    return to_hex(hash.finish());
}

nlohmann::json holders_summary(const std::vector<Holder>& holders) {
    return {{"count", holders.size()}, {"digest", holders_digest(holders)}};
}

nlohmann::json holders_summary_of(const nlohmann::json& written) {
    std::vector<Holder> holders;
    if (written.is_array()) {
        for (const auto& w : written) {
            Holder h;
            if (w.is_string()) {
                h.surname = w.get<std::string>();
            } else if (w.is_object()) {
                auto field = [&](const char* name) {
                    const auto it = w.find(name);
                    return it != w.end() && it->is_string() ? it->get<std::string>() : std::string();
                };
                h.surname = field("surname");
                h.given_name = field("given_name");
                h.codice_fiscale = field("codice_fiscale");
                h.address = field("address");
                h.phone = field("phone");
                h.email = field("email");
            }
            holders.push_back(std::move(h));
        }
    }
    return holders_summary(holders);
}

}  // namespace cemetery::storage
