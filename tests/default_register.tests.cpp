// The register both programs open when none is named: $CEMETERY_DB, else the user's
// data directory, never a path inside a build.
#include "support.hpp"

#include <cemetery/default_register.hpp>

#include <cstdlib>
#include <optional>
#include <string>

namespace {

// Sets (or unsets) a variable for the test's life, and puts it back.
class Env {
public:
    Env(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) {
            ::setenv(name, value, 1);
        } else {
            ::unsetenv(name);
        }
    }
    ~Env() {
        if (old_) {
            ::setenv(name_, old_->c_str(), 1);
        } else {
            ::unsetenv(name_);
        }
    }
    Env(const Env&) = delete;
    Env& operator=(const Env&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("the default register is in the user's data directory unless $CEMETERY_DB names one", "[default_register]") {
    Env db("CEMETERY_DB", nullptr);
    Env home("HOME", "/home/ufficio");
    {
        Env xdg("XDG_DATA_HOME", nullptr);
        CHECK(cemetery::default_register_path() == "/home/ufficio/.local/share/cemetery/registro.sqlite");
        CHECK_FALSE(cemetery::register_named_by_environment());
    }
    {
        Env xdg("XDG_DATA_HOME", "/dati");
        CHECK(cemetery::default_register_path() == "/dati/cemetery/registro.sqlite");
        CHECK(cemetery::default_register_folder() == "/dati/cemetery");
    }
    {
        Env xdg("XDG_DATA_HOME", "");  // set but empty: as if unset
        CHECK(cemetery::default_register_path() == "/home/ufficio/.local/share/cemetery/registro.sqlite");
    }
    Env named("CEMETERY_DB", "/srv/registro.sqlite");
    CHECK(cemetery::default_register_path() == "/srv/registro.sqlite");
    CHECK(cemetery::register_named_by_environment());
}
