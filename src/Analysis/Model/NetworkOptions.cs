using System.Text.Json.Serialization;

namespace GenreOrleans.Analysis.Model;

/// <summary>
/// Sizes of <see cref="GenreNetwork"/>; stored in model.json so inference rebuilds the same graph.
/// <paramref name="Recurrent"/> false pools the frame embeddings over time directly, without the GRU;
/// the <see cref="ConvFrontEnd.FullResolution"/> front end reads only <paramref name="ConvChannels1"/> (its five
/// blocks have 1, 2, 4, 8 and 8 times as many channels).
/// <paramref name="StandardiseWindows"/> removes each window's per-band mean and divides by its
/// overall deviation before the front end, so a fixed EQ or a uniform compression of the
/// recording's dynamics does not reach the convolutions (the summary branch still carries the
/// track's spectral shape).
/// <paramref name="BandsRead"/> above 0 feeds only the lowest that many mel bands to the network (a multiple
/// of 16), and only their means and deviations from a per-band summary: what a band-limited source (a 16 kHz
/// stream, a low-bitrate encoder) loses above the cut cannot then change the answer. 0 reads every band.
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
    bool StandardiseWindows = false,
    int BandsRead = 0)
{
    /// <summary>The mel bands the network reads: the lowest <see cref="BandsRead"/>, or all.</summary>
    [JsonIgnore]
    public int InputBands => BandsRead > 0 && BandsRead < MelBands ? BandsRead : MelBands;

    /// <summary>
    /// Summary values the network reads: a per-band summary (means of every band, then deviations) is cut
    /// to the bands read; a summary of another layout is read whole.
    /// </summary>
    [JsonIgnore]
    public int InputSummaryLength => InputBands < MelBands && SummaryLength == 2 * MelBands ? 2 * InputBands : SummaryLength;
}
