using GenreOrleans.Dsp.Tonal;

namespace GenreOrleans.Dsp.Tests.Tonal;

public class KeyNamesTests
{
    [Theory]
    [InlineData("F# minor", 6, true)]
    [InlineData("Bb major", 10, false)]
    [InlineData("A# major", 10, false)]
    [InlineData("Ebm", 3, true)]
    [InlineData("C", 0, false)]
    [InlineData("g#", 8, true)]
    public void Parses_common_spellings(string text, int tonic, bool minor)
    {
        Assert.True(KeyNames.TryParse(text, out var t, out var m));
        Assert.Equal((tonic, minor), (t, m));
    }

    [Theory]
    [InlineData("")]
    [InlineData("H major")]
    [InlineData("C lydian")]
    public void Rejects_what_is_not_a_major_or_minor_key(string text)
    {
        Assert.False(KeyNames.TryParse(text, out _, out _));
    }

    [Fact]
    public void Names_keys_as_dj_software_does()
    {
        Assert.Equal("F# minor", KeyNames.Name(6, true));
        Assert.Equal("Eb major", KeyNames.Name(3, false));
        Assert.Equal("C# minor", KeyNames.Name(1, true));
    }
}
