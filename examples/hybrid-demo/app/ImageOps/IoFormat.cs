namespace DemoApp.ImageOps;

/// <summary>C 'enum io_format' (an int, 4 bytes); the value is the number of bytes per pixel.</summary>
internal enum IoFormat
{
    Gray8 = 1,
    Rgb24 = 3,
    Rgba32 = 4,
}
