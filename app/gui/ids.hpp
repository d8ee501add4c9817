#pragma once
// Menu and command identifiers of the main window.

#include <wx/defs.h>

namespace gui {

enum CommandId : int {
    id_new_database = wxID_HIGHEST + 1,
    id_backup,
    id_import,
    id_focus_search,
    id_renew,
    id_edit_holders,
    id_view_search,
    id_view_expiries,
    id_view_counter,
    id_new_concession,
    id_end_concession,
    id_close_concession,
    id_add_burial,
    id_succession,
    id_regulation,
    id_plots,
    id_print_deed,
};

}  // namespace gui
