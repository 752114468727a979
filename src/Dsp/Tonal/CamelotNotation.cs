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

    /// <summary>
    /// The codes a DJ can mix into from <paramref name="code"/> without a key clash: one step either
    /// way round the wheel (a fifth up or down) and the relative key (same number, other letter).
    /// 8A gives 7A, 9A and 8B; a code that is not on the wheel gives none.
    /// </summary>
    public static IReadOnlyList<string> Compatible(string? code)
    {
        if (code is not { Length: 2 or 3 } || code[^1] is not ('A' or 'B')
            || !int.TryParse(code.AsSpan(0, code.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            || number is < 1 or > 12)
            return [];
        var letter = code[^1];
        var down = (number + 10) % 12 + 1;
        var up = number % 12 + 1;
        return [$"{down}{letter}", $"{up}{letter}", $"{number}{(letter == 'A' ? 'B' : 'A')}"];
    }
}
