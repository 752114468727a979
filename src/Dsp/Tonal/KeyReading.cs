namespace GenreOrleans.Dsp.Tonal;

/// <summary>
/// A musical key: <paramref name="Tonic"/> as a pitch class (0 = C ... 11 = B), the mode, its
/// display name such as "F# minor", its Camelot code such as "11A", and a 0–1 confidence.
/// </summary>
public sealed record KeyReading(int Tonic, bool IsMinor, string Name, string Camelot, double Confidence)
{
    /// <summary>The reading for silence or unpitched input: no key, confidence 0.</summary>
    public static KeyReading None { get; } = new(-1, false, "", "", 0);

    /// <summary>Builds the reading of a tonic and mode with its name and Camelot code.</summary>
    public static KeyReading Of(int tonic, bool isMinor, double confidence)
    {
        tonic = ((tonic % 12) + 12) % 12;
        return new KeyReading(tonic, isMinor, KeyNames.Name(tonic, isMinor), CamelotNotation.Code(tonic, isMinor), confidence);
    }
}
