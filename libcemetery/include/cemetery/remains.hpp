#pragma once
// The remains in a place and where they go when it is freed.

#include <optional>
#include <string_view>

namespace cemetery {

// In what form someone rests in a place: the capacity of a kind counts each apart.
enum class RemainsForm {
    coffin,  // feretro
    box,     // cassetta ossario: bones after an exhumation
    urn,     // urna cineraria: ashes
};

// Where the remains go when a place is freed (RR Lombardia 6/2004 art. 20 c.4: the
// posted notice says what happens to them).
enum class RemainsDestination {
    ossuary,    // ossario comune
    cremation,  // cremazione
    family,     // handed to the family, for another place
    none,       // nobody rests in the place
};

[[nodiscard]] std::string_view code(RemainsForm form);         // "feretro", "cassetta", "urna"
[[nodiscard]] std::string_view code(RemainsDestination where);  // "ossario", "cremazione", "famiglia", "nessuno"
[[nodiscard]] std::optional<RemainsForm> remains_form_from_code(std::string_view code);
[[nodiscard]] std::optional<RemainsDestination> remains_destination_from_code(std::string_view code);

// How many of each form rest in a place.
struct RemainsCount {
    int coffins = 0;
    int boxes = 0;
    int urns = 0;
    [[nodiscard]] int total() const { return coffins + boxes + urns; }
    void add(RemainsForm form);
};

}  // namespace cemetery
