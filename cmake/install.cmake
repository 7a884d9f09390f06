# cmake --install and the Debian package (tools/package).
#   bin/ajar, lib/libajar.so.0 (+ the .so link), include/ajar/*.h (the
#   public API only: src/lib stays private), lib/pkgconfig/ajar.pc,
#   lib/cmake/ajar/ (find_package(ajar) -> ajar::ajar), the man page, the
#   bash and zsh completions, and the project's notices.
include(CMakePackageConfigHelpers)

install(TARGETS ajar RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS ajar_shared EXPORT ajarTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES include/ajar/ajar.h include/ajar/classify.h
              include/ajar/report.h include/ajar/scan.h
              ${CMAKE_CURRENT_BINARY_DIR}/include/ajar/version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/ajar)

# ajar.pc finds its prefix from where it lies, so one file serves
# /usr/local (cmake --install) and /usr (the package)
file(RELATIVE_PATH AJAR_PC_TO_PREFIX "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig"
     "${CMAKE_INSTALL_PREFIX}")
string(REGEX REPLACE "/$" "" AJAR_PC_TO_PREFIX "${AJAR_PC_TO_PREFIX}")
configure_file(cmake/ajar.pc.in ${CMAKE_CURRENT_BINARY_DIR}/ajar.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/ajar.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(EXPORT ajarTargets NAMESPACE ajar::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ajar)
configure_package_config_file(cmake/ajarConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/ajarConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ajar)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/ajarConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/ajarConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/ajarConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ajar)

install(FILES docs/ajar.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/completions/ajar
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/completions/_ajar
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES LICENSE README.md CHANGELOG.md SECURITY.md docs/report.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# cpack -G DEB (tools/package): dist/ajar_<version>_<arch>.deb, its
# Depends found by dpkg-shlibdeps from the libraries ajar links
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ajar)
set(CPACK_PACKAGE_VENDOR "the ajar authors")
set(CPACK_PACKAGE_CONTACT "ajar maintainers (see SECURITY.md)")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "find which personal data files and open data stores expose")
set(CPACK_PACKAGE_DESCRIPTION
    "ajar classifies personal data in dumps and exports, and audits data stores on the network (Elasticsearch, OpenSearch, PostgreSQL, MySQL, MongoDB, Redis, memcached, CouchDB, ClickHouse, etcd) with read-only requests. Includes libajar, its headers, pkg-config and CMake files.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# opened with dlopen (src/lib/probe/mongo_lib.c): dpkg-shlibdeps cannot see it
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libmongoc-1.0-0")
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_CURRENT_SOURCE_DIR}/LICENSE)
include(CPack)
