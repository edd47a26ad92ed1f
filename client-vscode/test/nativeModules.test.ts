import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
    cargoLibraryName, cmakeAcceptsCpp, cmakeLibraryNames, configuredBaseline, configuredLibraries, libraryNames, nativeModules,
    tomlStringValue,
} from "../src/nativeModules";

describe("Cargo.toml", () => {
    it("uses [lib] name, else the package name with '-' as '_'", () => {
        assert.equal(cargoLibraryName('[package]\nname = "fast-math"\nversion = "0.1.0"\n'), "fast_math");
        assert.equal(cargoLibraryName('[package]\nname = "fast-math" # the package\n[lib]\nname = "fm"\ncrate-type = ["cdylib"]\n'), "fm");
        assert.equal(cargoLibraryName("[package]\nname = 'lit'\n"), "lit");
        assert.equal(cargoLibraryName('[dependencies]\nname = "x"\n[package]\nname = "real"\n'), "real");
    });

    it("is no module without [package] (a virtual workspace) and survives junk", () => {
        assert.equal(cargoLibraryName('[workspace]\nmembers = ["a"]\n'), undefined);
        assert.equal(cargoLibraryName("\u0000\u0001 not toml [[[ = "), undefined);
        assert.equal(cargoLibraryName(""), undefined);
    });

    it("reads one-line string values, with comments and escapes", () => {
        assert.equal(tomlStringValue('name = "a#b" # c', "name"), "a#b");
        assert.equal(tomlStringValue('name = "q\\"x"', "name"), 'q"x');
        assert.equal(tomlStringValue('other = "a"', "name"), undefined);
        assert.equal(tomlStringValue("name = 3", "name"), undefined);
    });
});

describe("CMakeLists.txt", () => {
    it("lists shared and module libraries by their output name", () => {
        const text = [
            "cmake_minimum_required(VERSION 3.16)",
            "project(imageops C)",
            "add_library(imageops SHARED src/imageops.c)",
            "add_library(helpers STATIC src/h.c)",
            "add_library(plugin MODULE src/p.c)",
            "# add_library(commented SHARED x.c)",
            "set_target_properties(plugin PROPERTIES OUTPUT_NAME \"myplugin\" PREFIX \"\")",
        ].join("\n");
        assert.deepEqual(cmakeLibraryNames(text), ["imageops", "myplugin"]);
    });

    it("takes C++ unless project() lists languages without CXX", () => {
        assert.ok(cmakeAcceptsCpp("project(a)"));
        assert.ok(cmakeAcceptsCpp("project(a VERSION 1.0)"));
        assert.ok(cmakeAcceptsCpp("project(a LANGUAGES C CXX)"));
        assert.ok(cmakeAcceptsCpp("project(a CXX)"));
        assert.ok(!cmakeAcceptsCpp("project(a C)"));
        assert.ok(!cmakeAcceptsCpp("project(a VERSION 2.0 LANGUAGES C)"));
        assert.ok(cmakeAcceptsCpp("add_library(x SHARED x.cpp)"));
    });
});

describe("nativeModules", () => {
    const root = "/ws";
    const files = [
        { path: "/ws/native/fastmath/Cargo.toml", text: '[package]\nname = "fastmath"\n[lib]\ncrate-type = ["cdylib"]\n' },
        { path: "/ws/native/imageops/CMakeLists.txt", text: "project(imageops C)\nadd_library(imageops SHARED a.c)\n" },
        { path: "/ws/native/imageops/tests/CMakeLists.txt", text: "add_library(testlib SHARED t.c)\n" },
        { path: "/ws/Cargo.toml", text: '[workspace]\nmembers = ["native/fastmath"]\n' },
        { path: "/ws/native/broken/Cargo.toml", text: undefined },
        { path: "/ws/cpp/CMakeLists.txt", text: undefined },
    ];

    it("finds crates and top-level CMake projects, labelled relative to the root", () => {
        const modules = nativeModules(files, root);
        assert.deepEqual(modules.map((m) => [m.kind, m.label, m.libraries, m.accepts]), [
            ["cmake", "cpp", [], "cpp"],
            ["cargo", "native/fastmath", ["fastmath"], "rust"],
            ["cmake", "native/imageops", ["imageops"], undefined],
        ]);
    });

    it("names every library once for Bind Exports, configured ones last", () => {
        const config = '# c\n[libraries.git2]\nheaders = "vendor/git2"\n[libraries."fastmath"]\ncrate = "native/fastmath"\n[rules]\n';
        assert.deepEqual(configuredLibraries(config), ["git2", "fastmath"]);
        assert.deepEqual(libraryNames(nativeModules(files, root), config), [
            { name: "fastmath", detail: "Rust crate in native/fastmath" },
            { name: "imageops", detail: "CMake library in native/imageops" },
            { name: "git2", detail: "[libraries] in hybrid-lsp.toml" },
        ]);
        assert.deepEqual(configuredLibraries(undefined), []);
    });
});

describe("configuredBaseline", () => {
    it("reads the top-level baseline key only", () => {
        assert.equal(configuredBaseline('targets = ["linux-x64"]\nbaseline = "ci/hl-baseline.json" # accepted\n'), "ci/hl-baseline.json");
        assert.equal(configuredBaseline("baseline = 'b.json'"), "b.json");
        assert.equal(configuredBaseline('[rules]\nbaseline = "x.json"\n'), undefined);
        assert.equal(configuredBaseline('baseline = "   "'), undefined);
        assert.equal(configuredBaseline("# baseline = \"x.json\""), undefined);
        assert.equal(configuredBaseline(undefined), undefined);
    });
});
