namespace GenreOrleans.Analysis.Model;

/// <summary>
/// Sizes of <see cref="GenreNetwork"/>; stored in model.json so inference rebuilds the same graph.
/// <paramref name="Recurrent"/> false pools the frame embeddings over time directly, without the GRU;
/// the ConvChannels sizes apply to the <see cref="ConvFrontEnd.Strided"/> front end only.
/// <paramref name="StandardiseWindows"/> removes each window's per-band mean and divides by its
/// overall deviation before the front end, so a fixed EQ or a uniform compression of the
/// recording's dynamics does not reach the convolutions (the summary branch still carries the
/// track's spectral shape).
/// </summary>
public sealed record NetworkOptions(
    int MelBands,
    int FramesPerWindow,
    int SummaryLength,
    int GenreCount,
    int ConvChannels1 = 16,
    int ConvChannels2 = 32,
    int ConvChannels3 = 64,
    int FrameEmbedding = 128,
    int GruHidden = 96,
    int SummaryEmbedding = 64,
    double Dropout = 0.3,
    bool Recurrent = true,
    ConvFrontEnd FrontEnd = ConvFrontEnd.Strided,
    bool StandardiseWindows = false);
