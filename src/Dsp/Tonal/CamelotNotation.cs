namespace GenreOrleans.Dsp.Tonal;

/// <summary>
/// The Camelot wheel DJs mix by: keys a fifth apart are neighbouring numbers, a major key (B)
/// shares its number with its relative minor (A). C major is 8B, A minor 8A, F# minor 11A.
/// </summary>
public static class CamelotNotation
{
    /// <summary>The Camelot code of a tonic pitch class (0 = C) and mode.</summary>
    public static string Code(int tonic, bool isMinor)
    {
        var pc = ((tonic % 12) + 12) % 12;
        // A minor key sits on the number of its relative major, three semitones up.
        var major = isMinor ? (pc + 3) % 12 : pc;
        // Each fifth up (7 semitones) is one step clockwise; C major is number 8.
        var number = (7 * major + 7) % 12 + 1;
        return $"{number}{(isMinor ? 'A' : 'B')}";
    }
}
