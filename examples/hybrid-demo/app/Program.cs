using System;
using DemoApp;
using DemoApp.ImageOps;

// The results printed below are computed by the Rust crate in native/fastmath and by the C library in native/imageops.
// BrokenBindings.cs and BrokenImageOpsBindings.cs hold deliberately wrong declarations for the checker demo; nothing here calls them.

uint version = NativeMethods.Version();
Console.WriteLine($"fastmath {version >> 16}.{(version >> 8) & 0xFF}.{version & 0xFF}, computed in Rust:");

Show("fm_add(40, 2)", NativeMethods.Add(40, 2));
Show("fm_add(int.MaxValue, 1)", NativeMethods.Add(int.MaxValue, 1));
Show("fm_scale(1.5, 4)", NativeMethods.Scale(1.5, 4));
Show("fm_is_even(10)", NativeMethods.IsEven(10));
Show("fm_is_even(7)", NativeMethods.IsEven(7));
Show("fm_clamp(15, 0, 10)", NativeMethods.Clamp(15, 0, 10));
Show("fm_clamp(-3, 0, 10)", NativeMethods.Clamp(-3, 0, 10));

int[] values = [1, 2, 3, 4, 5, int.MaxValue, int.MaxValue];
Show("fm_sum([1, 2, 3, 4, 5, int.MaxValue, int.MaxValue])", NativeMethods.Sum(values));
Show("fm_sum([])", NativeMethods.Sum(ReadOnlySpan<int>.Empty));

var a = new Vec3(1, 2, 3);
var b = new Vec3(4, -5, 6);
Show($"fm_dot({a}, {b})", NativeMethods.Dot(a, b));

var v = new Vec3(2, 3, 6);
Show($"fm_length(&{v})", NativeMethods.Length(in v));

// The C library is built with CMake; without cmake on the machine the build skips it and this part says so.
Console.WriteLine();
try
{
    ImageOpsDemo.Run(Show);
}
catch (DllNotFoundException)
{
    Console.WriteLine("imageops (C, CMake) was not built: install cmake and a C compiler to see it");
}

static void Show(string call, object result) => Console.WriteLine($"  {call,-52} = {result}");
