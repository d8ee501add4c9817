// cemetery-gui: the desktop program of the register of burial concessions.
#include "app.hpp"

wxIMPLEMENT_APP(gui::App);
