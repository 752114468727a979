using System.Globalization;
using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Training.Training;

/// <summary>
/// One more network for the ensemble, built differently from the others (<c>--partner</c>), to compare
/// shapes as ensemble partners (on the guide, averaged as the product averages, no shape tried did better
/// than a second network of the first one's shape: docs/model.md). Everything not named here
/// (augmentation, losses, links, budget) is the run's own.
/// </summary>
public sealed record PartnerNetwork(ConvFrontEnd FrontEnd, bool Recurrent, double Width, int? Epochs)
{
    /// <summary>
    /// Reads a comma-separated description such as <c>FullResolution,no-gru,width=0.5,epochs=20</c>:
    /// a front end (<c>Strided</c> or <c>FullResolution</c>), <c>gru</c> or <c>no-gru</c>, <c>width=x</c>
    /// (0.25–4) and <c>epochs=n</c>; what is left out is the strided GRU network at width 1 for the run's epochs.
    /// </summary>
    public static PartnerNetwork Parse(string description)
    {
        var partner = new PartnerNetwork(ConvFrontEnd.Strided, true, 1, null);
        foreach (var part in description.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = part.Split('=', 2) is [var k, var v] ? (k.Trim().ToLowerInvariant(), v.Trim()) : (part.ToLowerInvariant(), "");
            partner = key switch
            {
                "gru" when value == "" => partner with { Recurrent = true },
                "no-gru" when value == "" => partner with { Recurrent = false },
                "width" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var width) && width is >= 0.25 and <= 4 =>
                    partner with { Width = width },
                "epochs" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var epochs) && epochs > 0 =>
                    partner with { Epochs = epochs },
                _ when value == "" && Enum.TryParse<ConvFrontEnd>(part, ignoreCase: true, out var frontEnd) && Enum.IsDefined(frontEnd) =>
                    partner with { FrontEnd = frontEnd },
                _ => throw new FormatException(
                    $"'{part}' in --partner: expected Strided or FullResolution, gru or no-gru, width=0.25..4, epochs=N"),
            };
        }
        return partner;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{FrontEnd},{(Recurrent ? "gru" : "no-gru")},width={Width}") + (Epochs is { } e ? $",epochs={e}" : "");
}
