#pragma once
// What the panels of the main window ask of it: the open register, the comune the
// clerk chose, and a way to say that a concession changed so every view refreshes.

#include "database.hpp"

#include <cemetery/ids.hpp>

#include <wx/string.h>

#include <optional>

namespace gui {

class Host {
public:
    virtual ~Host() = default;
    [[nodiscard]] virtual Database& database() = 0;
    // None: the whole Union.
    [[nodiscard]] virtual std::optional<cemetery::ComuneId> comune() const = 0;
    // A concession was written: lists, detail and counts are read again.
    virtual void concession_changed(cemetery::ConcessionId id) = 0;
    // Opens the concession in the search view (from the expired list, say).
    virtual void show_concession(cemetery::ConcessionId id, const wxString& deed_number) = 0;
    virtual void set_status(const wxString& text) = 0;
};

}  // namespace gui
