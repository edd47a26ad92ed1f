using System;
using DemoApp;

// Every result printed below is computed by the Rust crate in native/fastmath.
// BrokenBindings.cs holds deliberately wrong declarations for the checker demo; nothing here calls them.

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

static void Show(string call, object result) => Console.WriteLine($"  {call,-52} = {result}");
