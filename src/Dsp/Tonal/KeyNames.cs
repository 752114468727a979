namespace GenreOrleans.Dsp.Tonal;

/// <summary>Key names as DJ software spells them: flats for the black-key majors, sharps for the minors except Eb and Bb.</summary>
public static class KeyNames
{
    private static readonly string[] MajorTonics = ["C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"];
    private static readonly string[] MinorTonics = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B"];

    /// <summary>"C major", "F# minor"... for a pitch class 0–11 (0 = C).</summary>
    public static string Name(int tonic, bool isMinor)
    {
        var pc = ((tonic % 12) + 12) % 12;
        return isMinor ? MinorTonics[pc] + " minor" : MajorTonics[pc] + " major";
    }

    /// <summary>
    /// Parses names such as "F# minor", "Bb major", "a#", "Ebm", "C" (major when no mode is given);
    /// returns false for anything else.
    /// </summary>
    public static bool TryParse(string? text, out int tonic, out bool isMinor)
    {
        tonic = -1;
        isMinor = false;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var s = text.Trim();
        var letter = char.ToUpperInvariant(s[0]);
        int[] natural = [9, 11, 0, 2, 4, 5, 7]; // A B C D E F G
        if (letter < 'A' || letter > 'G')
            return false;
        var pc = natural[letter - 'A'];
        var i = 1;
        if (i < s.Length && (s[i] == '#' || s[i] == '♯')) { pc++; i++; }
        else if (i < s.Length && (s[i] == 'b' || s[i] == '♭')) { pc--; i++; }
        var rest = s[i..].Trim().ToLowerInvariant();
        if (rest is "" or "maj" or "major")
            isMinor = char.IsLower(s[0]) && rest == "";
        else if (rest is "m" or "min" or "minor")
            isMinor = true;
        else
            return false;
        tonic = ((pc % 12) + 12) % 12;
        return true;
    }
}
