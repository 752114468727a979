namespace GenreOrleans.Analysis.Model;

/// <summary>Which convolutional front end <see cref="GenreNetwork"/> builds.</summary>
public enum ConvFrontEnd
{
    /// <summary>
    /// Three blocks, the first convolution striding 2x2 (16x fewer positions after the first
    /// pool): cheap on a 2-core CPU, but the fine time-frequency detail is gone after one layer.
    /// </summary>
    Strided,

    /// <summary>
    /// Five 3x3 conv blocks at full resolution with 2x2 pools, 16→32→64→128→128 channels
    /// (the shape of the reference CNN): about 70 M multiply-adds per 128x128 window.
    /// </summary>
    FullResolution,
}
