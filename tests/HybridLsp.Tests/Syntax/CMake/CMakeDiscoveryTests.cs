using HybridLsp.Syntax.CMake;
using static HybridLsp.Tests.Syntax.CMake.CMakeTestFiles;

namespace HybridLsp.Tests.Syntax.CMake;

public sealed class CMakeDiscoveryTests
{
    [Fact]
    public void Shared_library_with_sources_includes_defines_and_hidden_preset()
    {
        var project = Discover(("CMakeLists.txt", """
            cmake_minimum_required(VERSION 3.16)
            project(imaging VERSION 2.1 LANGUAGES C)
            set(CMAKE_C_VISIBILITY_PRESET hidden)
            add_library(imageops SHARED src/a.c src/b.c)
            target_include_directories(imageops
                PUBLIC $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include> $<INSTALL_INTERFACE:include>
                PRIVATE src)
            target_compile_definitions(imageops PRIVATE IMAGEOPS_BUILDING PUBLIC -DIMAGEOPS_SHARED=1)
            """));
        Assert.Empty(project.Errors);
        Assert.False(project.IsApproximate);
        Assert.Equal("imaging", project.ProjectName);
        Assert.Equal(["C"], project.Languages.ToArray());
        var lib = Assert.Single(project.SharedLibraries);
        Assert.Equal("imageops", lib.Name);
        Assert.Equal(CMakeLibraryKind.Shared, lib.Kind);
        Assert.Equal("libimageops.so", lib.OutputFileName);
        Assert.Equal("/p", lib.SourceDir);
        Assert.Equal("/p/CMakeLists.txt", lib.ListFile);
        Assert.Equal(["/p/src/a.c", "/p/src/b.c"], lib.Sources.ToArray());
        Assert.Equal(["/p/include"], lib.PublicIncludeDirectories.ToArray());
        Assert.Equal(["/p/include", "/p/src"], lib.IncludeDirectories.ToArray());
        Assert.Equal(["IMAGEOPS_SHARED=1"], lib.PublicDefines.ToArray());
        Assert.Equal(["IMAGEOPS_BUILDING", "IMAGEOPS_SHARED=1", "imageops_EXPORTS"], lib.PrivateDefines.ToArray());
        Assert.Equal(["C"], lib.Languages.ToArray());
        Assert.Equal(CMakeVisibility.Hidden, lib.Visibility);
        Assert.Equal("hidden", lib.CVisibilityPreset);
    }

    [Fact]
    public void An_escaped_dollar_is_literal_text_not_a_variable_reference()
    {
        var project = Discover(("CMakeLists.txt", """
            project(p C)
            set(NAME secret)
            set(TEMPLATE "\${NAME}")
            add_library(core SHARED core.c)
            target_compile_definitions(core PRIVATE "LITERAL=\${NAME}" UNQUOTED=\$NAME EXPANDED=${NAME} TEMPLATE=${TEMPLATE} "BACKSLASH=\\${NAME}")
            """));
        Assert.Empty(project.Errors);
        var lib = Assert.Single(project.SharedLibraries);
        Assert.Equal(["LITERAL=${NAME}", "UNQUOTED=$NAME", "EXPANDED=secret", "TEMPLATE=${NAME}", "BACKSLASH=\\secret", "core_EXPORTS"], lib.PrivateDefines.ToArray());
    }

    [Fact]
    public void Output_name_prefix_and_suffix_properties_name_the_file()
    {
        var project = Discover(("CMakeLists.txt", """
            project(p)
            add_library(core MODULE core.cpp)
            set_target_properties(core PROPERTIES OUTPUT_NAME fastcore PREFIX "" CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
            add_library(other SHARED other.c)
            set_property(TARGET other PROPERTY OUTPUT_NAME other2)
            set_property(TARGET other APPEND PROPERTY COMPILE_DEFINITIONS EXTRA=1)
            add_library(st STATIC st.c)
            """));
        var core = Library(project, "core");
        Assert.Equal(CMakeLibraryKind.Module, core.Kind);
        Assert.Equal("fastcore.so", core.OutputFileName);
        Assert.Equal(["CXX"], core.Languages.ToArray());
        Assert.Equal(CMakeVisibility.Hidden, core.Visibility);
        Assert.True(core.VisibilityInlinesHidden);
        Assert.Equal("libother2.so", Library(project, "other").OutputFileName);
        Assert.Contains("EXTRA=1", Library(project, "other").PrivateDefines);
        Assert.Equal(CMakeVisibility.Default, Library(project, "other").Visibility);
        Assert.Equal(["core", "other"], project.SharedLibraries.Select(l => l.Name).ToArray());
        Assert.False(Library(project, "st").IsShared);
        Assert.Equal("libst.a", Library(project, "st").OutputFileName);
    }

    [Fact]
    public void Fvisibility_hidden_compile_option_hides_symbols()
    {
        var project = Discover(("CMakeLists.txt", """
            add_library(a SHARED a.c)
            target_compile_options(a PRIVATE -Wall -fvisibility=hidden)
            add_compile_options(-fvisibility=hidden)
            add_library(b SHARED b.c)
            add_library(c SHARED c.c)
            target_compile_options(c PRIVATE -fvisibility=default)
            """));
        Assert.Equal(CMakeVisibility.Hidden, Library(project, "a").Visibility);
        Assert.Equal(CMakeVisibility.Hidden, Library(project, "b").Visibility);
        Assert.Equal(CMakeVisibility.Default, Library(project, "c").Visibility);
        Assert.Equal(["-fvisibility=hidden", "-Wall", "-fvisibility=hidden"], Library(project, "a").CompileOptions.ToArray());
    }

    [Fact]
    public void Subdirectories_variables_and_directory_settings()
    {
        var project = Discover(
            ("CMakeLists.txt", """
                project(Top C CXX)
                set(COMMON_DIR ${CMAKE_CURRENT_SOURCE_DIR}/common)
                include_directories(${COMMON_DIR})
                add_definitions(-DTOP_LEVEL -O2)
                add_subdirectory(libs/net)
                """),
            ("libs/net/CMakeLists.txt", """
                set(NET_SOURCES socket.c ${PROJECT_SOURCE_DIR}/shared/util.c)
                list(APPEND NET_SOURCES http.cpp)
                add_compile_definitions(NET_DIR)
                add_library(net SHARED ${NET_SOURCES})
                target_include_directories(net INTERFACE ${CMAKE_CURRENT_SOURCE_DIR}/api)
                """));
        Assert.Empty(project.Errors);
        var net = Library(project, "net");
        Assert.Equal("/p/libs/net", net.SourceDir);
        Assert.Equal("/p/libs/net/CMakeLists.txt", net.ListFile);
        Assert.Equal(["/p/libs/net/socket.c", "/p/shared/util.c", "/p/libs/net/http.cpp"], net.Sources.ToArray());
        Assert.Equal(["/p/libs/net/api"], net.PublicIncludeDirectories.ToArray());
        Assert.Equal(["/p/common"], net.PrivateIncludeDirectories.ToArray());
        Assert.Equal(["TOP_LEVEL", "NET_DIR", "net_EXPORTS"], net.PrivateDefines.ToArray());
        Assert.Equal(["-O2"], net.CompileOptions.ToArray());
        Assert.Equal(["C", "CXX"], net.Languages.ToArray());
        Assert.Equal(["/p/CMakeLists.txt", "/p/libs/net/CMakeLists.txt"], project.ListFiles.ToArray());
    }

    [Fact]
    public void Certain_conditions_pick_one_branch()
    {
        var project = Discover(("CMakeLists.txt", """
            option(WITH_FAST "fast path" ON)
            set(MODE "release")
            if(WITH_FAST AND MODE STREQUAL "release")
              add_library(fast SHARED fast.c)
            elseif(NOT WITH_FAST)
              add_library(slow SHARED slow.c)
            else()
              add_library(other SHARED other.c)
            endif()
            if(DEFINED NOT_SET_ANYWHERE)
              add_library(never SHARED never.c)
            endif()
            """));
        Assert.False(project.IsApproximate);
        Assert.Equal(["fast"], project.Libraries.Select(l => l.Name).ToArray());
        Assert.False(Library(project, "fast").IsApproximate);
    }

    [Fact]
    public void Platform_conditions_take_both_branches_and_mark_the_result_approximate()
    {
        var project = Discover(("CMakeLists.txt", """
            add_library(plat SHARED common.c)
            if(WIN32)
              target_sources(plat PRIVATE win.c)
            else()
              target_sources(plat PRIVATE posix.c)
            endif()
            add_library(plain SHARED plain.c)
            """));
        Assert.True(project.IsApproximate);
        var plat = Library(project, "plat");
        Assert.Equal(["/p/common.c", "/p/win.c", "/p/posix.c"], plat.Sources.ToArray());
        Assert.True(plat.IsApproximate);
        Assert.False(Library(project, "plain").IsApproximate);
    }

    [Fact]
    public void Library_without_a_type_follows_build_shared_libs()
    {
        Assert.Equal(CMakeLibraryKind.Unspecified, Library(Discover(("CMakeLists.txt", "add_library(x x.c)")), "x").Kind);
        Assert.True(Library(Discover(("CMakeLists.txt", "add_library(x x.c)")), "x").MayBeShared);
        Assert.Equal(CMakeLibraryKind.Shared, Library(Discover(("CMakeLists.txt", "option(BUILD_SHARED_LIBS \"\" ON)\nadd_library(x x.c)")), "x").Kind);
        var options = new CMakeDiscoveryOptions(CacheVariables: new Dictionary<string, string> { ["BUILD_SHARED_LIBS"] = "OFF" });
        Assert.Equal(CMakeLibraryKind.Static, Library(Discover(options, ("CMakeLists.txt", "add_library(x x.c)")), "x").Kind);
    }

    [Fact]
    public void Functions_macros_and_foreach_are_evaluated()
    {
        var project = Discover(("CMakeLists.txt", """
            function(add_plugin name)
              add_library(${name} MODULE ${ARGN})
              set_target_properties(${name} PROPERTIES PREFIX "")
            endfunction()
            macro(make_shared n)
              add_library(${n} SHARED ${n}.c)
            endmacro()
            add_plugin(blur blur.c blur_simd.c)
            foreach(lib IN ITEMS alpha beta)
              make_shared(${lib})
            endforeach()
            """));
        Assert.Empty(project.Errors);
        Assert.Equal(["blur", "alpha", "beta"], project.Libraries.Select(l => l.Name).ToArray());
        Assert.Equal("blur.so", Library(project, "blur").OutputFileName);
        Assert.Equal(["/p/blur.c", "/p/blur_simd.c"], Library(project, "blur").Sources.ToArray());
        Assert.Equal(["/p/beta.c"], Library(project, "beta").Sources.ToArray());
    }

    [Fact]
    public void Linked_targets_give_their_usage_requirements_and_object_sources()
    {
        var project = Discover(("CMakeLists.txt", """
            add_library(headers INTERFACE)
            target_include_directories(headers INTERFACE include)
            target_compile_definitions(headers INTERFACE USE_HEADERS)
            add_library(objs OBJECT impl.c)
            add_library(api SHARED api.c $<TARGET_OBJECTS:objs>)
            target_link_libraries(api PUBLIC headers)
            add_library(ns::api ALIAS api)
            """));
        var api = Library(project, "api");
        Assert.Equal(["/p/api.c", "/p/impl.c"], api.Sources.ToArray());
        Assert.Equal(["/p/include"], api.PublicIncludeDirectories.ToArray());
        Assert.Contains("USE_HEADERS", api.PublicDefines);
        Assert.Equal(["ns::api"], api.Aliases.ToArray());
        Assert.Same(api, project.FindTarget("ns::api"));
        Assert.Equal(["headers"], api.LinkLibraries.ToArray());
        Assert.Equal(CMakeLibraryKind.Interface, Library(project, "headers").Kind);
    }

    [Fact]
    public void File_glob_uses_the_known_files()
    {
        var options = new CMakeDiscoveryOptions(KnownFiles: ["/p/src/a.c", "/p/src/b.c", "/p/src/sub/c.c", "/p/src/readme.md"]);
        var project = Discover(options, ("CMakeLists.txt", """
            file(GLOB TOP CONFIGURE_DEPENDS src/*.c)
            file(GLOB_RECURSE ALL src/*.c)
            add_library(top SHARED ${TOP})
            add_library(all SHARED ${ALL})
            """));
        Assert.Equal(["/p/src/a.c", "/p/src/b.c"], Library(project, "top").Sources.ToArray());
        Assert.Equal(["/p/src/a.c", "/p/src/b.c", "/p/src/sub/c.c"], Library(project, "all").Sources.ToArray());
        Assert.False(project.IsApproximate);

        var unknown = Discover(("CMakeLists.txt", "file(GLOB S *.c)\nadd_library(x SHARED ${S})"));
        Assert.True(unknown.IsApproximate);
    }

    [Fact]
    public void Target_sources_file_sets_make_public_headers()
    {
        var project = Discover(("CMakeLists.txt", """
            add_library(fs SHARED)
            target_sources(fs PRIVATE fs.c PUBLIC FILE_SET HEADERS BASE_DIRS include FILES include/fs.h)
            """));
        var fs = Library(project, "fs");
        Assert.Equal(["/p/fs.c", "/p/include/fs.h"], fs.Sources.ToArray());
        Assert.Equal(["/p/include"], fs.PublicIncludeDirectories.ToArray());
    }

    [Fact]
    public void Nested_variable_references_and_include_files()
    {
        var project = Discover(
            ("CMakeLists.txt", """
                set(KIND SHARED)
                set(NAME_SHARED mylib)
                include(cmake/sources.cmake)
                add_library(${NAME_${KIND}} ${KIND} ${LIB_SOURCES})
                """),
            ("cmake/sources.cmake", "set(LIB_SOURCES ${CMAKE_CURRENT_LIST_DIR}/../src/lib.c)"));
        var lib = Library(project, "mylib");
        Assert.Equal(CMakeLibraryKind.Shared, lib.Kind);
        Assert.Equal(["/p/src/lib.c"], lib.Sources.ToArray());
    }

    [Fact]
    public void Generated_sources_in_the_build_tree_are_left_out_and_approximate()
    {
        var project = Discover(("CMakeLists.txt", "add_library(g SHARED g.c ${CMAKE_CURRENT_BINARY_DIR}/generated.c)"));
        var g = Library(project, "g");
        Assert.Equal(["/p/g.c"], g.Sources.ToArray());
        Assert.True(g.IsApproximate);
    }
}
