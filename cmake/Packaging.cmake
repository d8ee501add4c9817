# What `cmake --install` lays out, and the Debian package CPack makes of it (scripts/package).
# The programs find their data beside them: <prefix>/bin/cemetery reads
# <prefix>/share/cemetery/regolamento/regolamento.toml and <prefix>/share/cemetery/data/*.toml
# (libcemetery: shipped_regulation_path, shipped_union_data_path, shipped_offices_path), and the
# desktop program its Italian catalogue in <prefix>/share/locale (app/gui/language.cpp).
include(GNUInstallDirs)

set(CEMETERY_APP_ID "it.unioneaddamartesana.cemetery")
set(CEMETERY_PACKAGING_DIR "${CMAKE_CURRENT_SOURCE_DIR}/data/packaging")

# The regulation in force, and the regulations of other comuni kept as examples for those who edit it.
install(FILES regolamento/regolamento.toml DESTINATION ${CMAKE_INSTALL_DATADIR}/cemetery/regolamento)
install(DIRECTORY regolamento/esempi/ DESTINATION ${CMAKE_INSTALL_DATADIR}/cemetery/regolamento/esempi
        FILES_MATCHING PATTERN "*.toml")
# The Union's comuni and cemeteries (a new register starts with them) and the offices' letterheads.
install(FILES data/unione.toml data/ufficio.toml data/atto.txt DESTINATION ${CMAKE_INSTALL_DATADIR}/cemetery/data)

# Manual pages and the changelog go compressed, as Debian has them.
function(cemetery_gzip source output target)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/packaging
    COMMAND gzip -9n -c ${source} > ${output}
    DEPENDS ${source}
    COMMENT "Compressing ${source}"
    VERBATIM)
  add_custom_target(${target} ALL DEPENDS ${output})
endfunction()
set(CEMETERY_MAN_CLI "${CMAKE_CURRENT_BINARY_DIR}/packaging/cemetery.1.gz")
set(CEMETERY_MAN_GUI "${CMAKE_CURRENT_BINARY_DIR}/packaging/cemetery-gui.1.gz")
set(CEMETERY_CHANGELOG_GZ "${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog.Debian.gz")
cemetery_gzip(${CMAKE_CURRENT_SOURCE_DIR}/docs/man/cemetery.1 ${CEMETERY_MAN_CLI} cemetery_man_cli)
cemetery_gzip(${CMAKE_CURRENT_SOURCE_DIR}/docs/man/cemetery-gui.1 ${CEMETERY_MAN_GUI} cemetery_man_gui)
cemetery_gzip(${CEMETERY_PACKAGING_DIR}/changelog ${CEMETERY_CHANGELOG_GZ} cemetery_changelog)

install(FILES ${CEMETERY_MAN_CLI} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

if(CEMETERY_BUILD_APP AND CEMETERY_BUILD_GUI)
  install(FILES ${CEMETERY_MAN_GUI} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  # The menu entry, its icon and the description software centres show.
  install(FILES ${CEMETERY_PACKAGING_DIR}/${CEMETERY_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${CEMETERY_PACKAGING_DIR}/${CEMETERY_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${CEMETERY_PACKAGING_DIR}/icons/${CEMETERY_APP_ID}.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  foreach(size 48 64 128 256)
    install(FILES ${CEMETERY_PACKAGING_DIR}/icons/${size}/${CEMETERY_APP_ID}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
  endforeach()
endif()

# Debian asks for the licence in doc/<package>/copyright, beside the compressed changelog.
# The copyright file carries the licence's whole text (it is not in /usr/share/common-licenses),
# as a Debian copyright paragraph: each line indented, empty lines as " .".
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
  ${CEMETERY_PACKAGING_DIR}/copyright ${CMAKE_CURRENT_SOURCE_DIR}/LICENSE)
file(READ ${CEMETERY_PACKAGING_DIR}/copyright CEMETERY_COPYRIGHT)
file(READ ${CMAKE_CURRENT_SOURCE_DIR}/LICENSE CEMETERY_LICENSE)
string(REGEX REPLACE "\n+$" "" CEMETERY_LICENSE "${CEMETERY_LICENSE}")
string(REPLACE "\n" "\n " CEMETERY_LICENSE " ${CEMETERY_LICENSE}\n")
string(REPLACE "\n \n" "\n .\n" CEMETERY_LICENSE "${CEMETERY_LICENSE}")
string(APPEND CEMETERY_COPYRIGHT "${CEMETERY_LICENSE}")
file(GENERATE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/packaging/copyright CONTENT "${CEMETERY_COPYRIGHT}")
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/packaging/copyright ${CEMETERY_CHANGELOG_GZ}
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# ---- The Debian package -------------------------------------------------------------------
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "cemetery")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "Servizi Demografici, Unione di Comuni Lombarda Adda Martesana")
set(CPACK_PACKAGE_VENDOR "Unione di Comuni Lombarda Adda Martesana")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "register of burial concessions (Servizi cimiteriali)")
set(CPACK_PACKAGE_DESCRIPTION "\
The register of the burial concessions of the comuni of the Unione di Comuni
Lombarda Adda Martesana: who holds which loculo, tomb or niche, who is buried
there, until when. Expiries and renewals follow the Union's regulation, read
as data; the lists to post, the letters to the holders and the spreadsheets
are written as PDF and xlsx files.
.
This package holds the desktop program (cemetery-gui, in Italian) and the
command line (cemetery), with the regulation and the Union's data.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)                 # cemetery_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_RELEASE "1")
# The libraries the programs link, as dpkg-shlibdeps finds them; then what they load at run
# time: wx's own words in Italian, a font on a bare system, GTK's loader of the SVG images its
# theme draws with (only recommended by GTK), and the locales for Italian dates (the postinst
# makes it_IT.UTF-8 when only `locales` is there).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "wx3.2-i18n, fonts-dejavu-core, librsvg2-common, locales | locales-all")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${CEMETERY_PACKAGING_DIR}/postinst")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_PACKAGE_DIRECTORY "${CMAKE_BINARY_DIR}/package")
include(CPack)

# The manual page names every command and option the command line has.
if(CEMETERY_BUILD_TESTS AND CEMETERY_BUILD_APP)
  add_test(NAME packaging.man_pages
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/scripts/check-man-pages $<TARGET_FILE:cemetery_cli>
                   ${CMAKE_CURRENT_SOURCE_DIR}/docs/man/cemetery.1)
  set_tests_properties(packaging.man_pages PROPERTIES LABELS packaging)
endif()
