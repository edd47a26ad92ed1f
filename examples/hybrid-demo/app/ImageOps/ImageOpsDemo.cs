using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DemoApp.ImageOps;

/// <summary>Calls the C library through the correct bindings and prints what it computed.</summary>
internal static unsafe class ImageOpsDemo
{
    public static void Run(Action<string, object> show)
    {
        uint version = ImageOpsMethods.Version();
        Console.WriteLine($"imageops {version >> 16}.{(version >> 8) & 0xFF}.{version & 0xFF}, computed in C:");

        const int width = 4, height = 3;
        var size = ImageOpsMethods.BufferSize(IoFormat.Rgb24, width, height);
        show("io_buffer_size(RGB24, 4, 3)", size);

        var pixels = new byte[(int)size];
        fixed (byte* first = pixels)
        {
            var image = new IoImage { Format = IoFormat.Rgb24, Width = width, Height = height, Pixels = first };
            show("io_is_valid(&image)", ImageOpsMethods.IsValid(in image));
            show("io_fill(&image, 200)", ImageOpsMethods.Fill(ref image, 200));
            pixels[0] = 10;
            show("io_invert(&image)", ImageOpsMethods.Invert(ref image));
            ImageOpsMethods.ComputeStats(in image, out var stats);
            show("io_stats_compute(&image) min/max/count", $"{stats.Min}/{stats.Max}/{stats.Count}");

            int rows = 0;
            var checksum = ImageOpsMethods.Checksum(in image, &OnRow, &rows);
            show("io_checksum(&image, on_row, &rows)", $"0x{checksum:x16} ({rows} rows reported)");

            var empty = new IoImage { Format = IoFormat.Gray8 };
            show("io_is_valid(&empty)", ImageOpsMethods.IsValid(in empty));
        }
    }

    /// <summary>The io_progress_fn callback: counts the rows C reports through user_data.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnRow(nuint rowsDone, nuint rowsTotal, void* userData) => (*(int*)userData)++;
}
