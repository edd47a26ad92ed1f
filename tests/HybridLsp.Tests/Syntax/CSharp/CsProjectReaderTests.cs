using HybridLsp.Syntax.CSharp;

namespace HybridLsp.Tests.Syntax.CSharp;

public sealed class CsProjectReaderTests
{
    [Fact]
    public void Reads_sdk_project()
    {
        var project = CsProjectReader.Read("""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <AssemblyName>Demo.App</AssemblyName>
                <AllowUnsafeBlocks>True</AllowUnsafeBlocks>
                <DefineConstants>$(DefineConstants);USE_RUST; FAST </DefineConstants>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="Native/*.cs;Shared.cs" />
                <Compile Remove="obj/**" />
                <ProjectReference Include="..\Lib\Lib.csproj" />
              </ItemGroup>
            </Project>
            """);
        Assert.Equal("Demo.App", project.AssemblyName);
        Assert.Equal(["net10.0"], project.TargetFrameworks.ToArray());
        Assert.Equal(["USE_RUST", "FAST"], project.DefineConstants.ToArray());
        Assert.True(project.AllowUnsafeBlocks);
        Assert.False(project.EnableDefaultCompileItems);
        Assert.Equal(["Native/*.cs", "Shared.cs"], project.CompileIncludes.ToArray());
        Assert.Equal(["obj/**"], project.CompileRemoves.ToArray());
        Assert.Equal(["..\\Lib\\Lib.csproj"], project.ProjectReferences.ToArray());
        Assert.Empty(project.Errors);
    }

    [Fact]
    public void Target_frameworks_plural_wins_and_is_split()
    {
        var project = CsProjectReader.Read("<Project><PropertyGroup><TargetFrameworks>net8.0; netstandard2.0;</TargetFrameworks><TargetFramework>net6.0</TargetFramework></PropertyGroup></Project>");
        Assert.Equal(["net8.0", "netstandard2.0"], project.TargetFrameworks.ToArray());
    }

    [Fact]
    public void Defaults_when_nothing_is_set()
    {
        var project = CsProjectReader.Read("<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Assert.Null(project.AssemblyName);
        Assert.Empty(project.TargetFrameworks);
        Assert.Empty(project.DefineConstants);
        Assert.False(project.AllowUnsafeBlocks);
        Assert.Null(project.EnableDefaultCompileItems);
        Assert.Empty(project.Errors);
    }

    [Fact]
    public void Define_constants_without_reference_replace_earlier_ones()
    {
        var project = CsProjectReader.Read("""
            <Project>
              <PropertyGroup><DefineConstants>A;B</DefineConstants></PropertyGroup>
              <PropertyGroup><DefineConstants>C</DefineConstants></PropertyGroup>
              <PropertyGroup><DefineConstants>$(DefineConstants);D</DefineConstants></PropertyGroup>
            </Project>
            """);
        Assert.Equal(["C", "D"], project.DefineConstants.ToArray());
    }

    [Fact]
    public void Conditional_elements_are_left_out()
    {
        var project = CsProjectReader.Read("""
            <Project>
              <PropertyGroup Condition="'$(Configuration)' == 'Debug'"><DefineConstants>DEBUG_ONLY</DefineConstants></PropertyGroup>
              <PropertyGroup><AllowUnsafeBlocks Condition="'$(X)' == ''">true</AllowUnsafeBlocks></PropertyGroup>
            </Project>
            """);
        Assert.Empty(project.DefineConstants);
        Assert.False(project.AllowUnsafeBlocks);
    }

    [Fact]
    public void Legacy_msbuild_namespace_is_read()
    {
        var project = CsProjectReader.Read("""
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup><AssemblyName>Old</AssemblyName></PropertyGroup>
              <ItemGroup><Compile Include="A.cs" /><Compile Include="B.cs" /></ItemGroup>
            </Project>
            """);
        Assert.Equal("Old", project.AssemblyName);
        Assert.Equal(["A.cs", "B.cs"], project.CompileIncludes.ToArray());
    }

    [Fact]
    public void Malformed_xml_gives_error_with_location_and_defaults()
    {
        const string xml = "<Project>\n  <PropertyGroup>\n    <AssemblyName>X</AssemblyNam>\n</Project>";
        var project = CsProjectReader.Read(xml);
        var error = Assert.Single(project.Errors);
        Assert.Contains("Malformed", error.Message);
        Assert.Equal(2, xml[..error.Span.Start].Count(c => c == '\n'));
        Assert.Null(project.AssemblyName);
        Assert.Empty(project.TargetFrameworks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml")]
    [InlineData("\0\0")]
    [InlineData("<Project>")]
    public void Garbage_gives_errors_and_never_throws(string xml)
    {
        Assert.NotEmpty(CsProjectReader.Read(xml).Errors);
    }

    [Fact]
    public void Dtd_is_refused()
    {
        var project = CsProjectReader.Read("""
            <?xml version="1.0"?>
            <!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <Project><PropertyGroup><AssemblyName>&b;</AssemblyName></PropertyGroup></Project>
            """);
        Assert.Single(project.Errors);
        Assert.Null(project.AssemblyName);
    }

    [Fact]
    public void Framework_symbols_net10()
    {
        var symbols = CsProjectReader.FrameworkSymbols("net10.0");
        Assert.Contains("NET", symbols);
        Assert.Contains("NET10_0", symbols);
        Assert.Contains("NETCOREAPP", symbols);
        Assert.Contains("NET10_0_OR_GREATER", symbols);
        Assert.Contains("NET9_0_OR_GREATER", symbols);
        Assert.Contains("NET5_0_OR_GREATER", symbols);
        Assert.Contains("NETCOREAPP3_1_OR_GREATER", symbols);
        Assert.Contains("NETCOREAPP1_0_OR_GREATER", symbols);
        Assert.DoesNotContain("NET11_0_OR_GREATER", symbols);
        Assert.DoesNotContain("NETFRAMEWORK", symbols);
        Assert.DoesNotContain("NETSTANDARD", symbols);
    }

    [Fact]
    public void Framework_symbols_net8_with_platform()
    {
        var symbols = CsProjectReader.FrameworkSymbols("net8.0-windows10.0.19041.0");
        Assert.Contains("NET8_0", symbols);
        Assert.Contains("WINDOWS", symbols);
        Assert.DoesNotContain("NET9_0_OR_GREATER", symbols);
    }

    [Fact]
    public void Framework_symbols_netstandard()
    {
        var symbols = CsProjectReader.FrameworkSymbols("netstandard2.0");
        Assert.Equal(["NETSTANDARD", "NETSTANDARD2_0"], symbols.Take(2).ToArray());
        Assert.Contains("NETSTANDARD1_0_OR_GREATER", symbols);
        Assert.Contains("NETSTANDARD2_0_OR_GREATER", symbols);
        Assert.DoesNotContain("NETSTANDARD2_1_OR_GREATER", symbols);
        Assert.DoesNotContain("NET", symbols);
    }

    [Fact]
    public void Framework_symbols_net_framework()
    {
        var symbols = CsProjectReader.FrameworkSymbols("net48");
        Assert.Contains("NETFRAMEWORK", symbols);
        Assert.Contains("NET48", symbols);
        Assert.Contains("NET48_OR_GREATER", symbols);
        Assert.Contains("NET472_OR_GREATER", symbols);
        Assert.Contains("NET20_OR_GREATER", symbols);
        Assert.DoesNotContain("NET481_OR_GREATER", symbols);
        Assert.DoesNotContain("NETCOREAPP", symbols);
    }

    [Fact]
    public void Framework_symbols_netcoreapp()
    {
        var symbols = CsProjectReader.FrameworkSymbols("netcoreapp3.1");
        Assert.Contains("NETCOREAPP", symbols);
        Assert.Contains("NETCOREAPP3_1", symbols);
        Assert.Contains("NETCOREAPP3_0_OR_GREATER", symbols);
        Assert.DoesNotContain("NET5_0_OR_GREATER", symbols);
    }

    [Theory]
    [InlineData("")]
    [InlineData("banana")]
    [InlineData("net")]
    [InlineData("net4.x")]
    public void Framework_symbols_unknown_is_empty(string tfm)
    {
        Assert.Empty(CsProjectReader.FrameworkSymbols(tfm));
    }
}
