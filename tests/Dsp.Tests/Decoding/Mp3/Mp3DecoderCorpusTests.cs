namespace GenreOrleans.Dsp.Tests.Decoding.Mp3;

/// <summary>Every committed fixture against its committed mpg123 decode: ISO/IEC 11172-4 full accuracy.</summary>
public class Mp3DecoderCorpusTests
{
    public static TheoryData<string> Fixtures => new(Mp3Fixtures.Names);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Decodes_fixture_with_full_accuracy_against_mpg123(string name)
    {
        var ours = ReferenceComparison.DecodeOurs(Mp3Fixtures.Bytes(name));
        var reference = Mp3Fixtures.Reference(name);
        Assert.Equal(reference.Length, ours.Length);
        var skip = LeadingSamplesWhereMpg123IsSilent.GetValueOrDefault(name);
        var comparison = ReferenceComparison.Compare(name, ours[skip..], reference[skip..]);
        Assert.True(comparison.IsFullAccuracy, comparison.ToString());
    }

    /// <summary>
    /// mpg123 outputs silence for a whole frame whose main data begins before the stream does (and its
    /// successor then lacks the overlap). The standard's decoder decodes every granule whose data is present,
    /// and so do we; such files are compared from the first frame whose reservoir is complete plus one granule
    /// of overlap. Values are interleaved samples.
    /// </summary>
    private static readonly Dictionary<string, int> LeadingSamplesWhereMpg123IsSilent = new()
    {
        ["mpeg1-44k-cut-reservoir"] = (2 * 1152 + 576) * 2,
    };

    [Fact]
    public void Corpus_stays_under_5_mb()
    {
        var bytes = new DirectoryInfo(Mp3Fixtures.Directory).GetFiles().Sum(f => f.Length);
        Assert.InRange(bytes, 1, 5 * 1024 * 1024);
    }
}
