using GenreOrleans.Dsp.Tonal;

namespace GenreOrleans.Dsp.Tests.Tonal;

public class CamelotNotationTests
{
    [Theory]
    [InlineData(0, false, "8B")]
    [InlineData(9, true, "8A")]
    [InlineData(6, true, "11A")]
    [InlineData(7, false, "9B")]
    [InlineData(5, false, "7B")]
    [InlineData(11, false, "1B")]
    [InlineData(8, true, "1A")]
    [InlineData(1, false, "3B")]
    [InlineData(0, true, "5A")]
    public void Writes_the_wheel_position_of_a_key(int tonic, bool minor, string code)
    {
        Assert.Equal(code, CamelotNotation.Code(tonic, minor));
    }

    [Fact]
    public void Gives_each_of_the_24_keys_its_own_code()
    {
        var codes = Enumerable.Range(0, 24).Select(k => CamelotNotation.Code(k % 12, k >= 12)).ToHashSet();

        Assert.Equal(24, codes.Count);
    }

    [Fact]
    public void Puts_relative_keys_on_the_same_number()
    {
        for (var major = 0; major < 12; major++)
            Assert.Equal(CamelotNotation.Code(major, false)[..^1], CamelotNotation.Code((major + 9) % 12, true)[..^1]);
    }

    [Theory]
    [InlineData("8A", "7A,9A,8B")]
    [InlineData("12B", "11B,1B,12A")]
    [InlineData("1A", "12A,2A,1B")]
    [InlineData("11A", "10A,12A,11B")]
    public void Names_the_neighbours_and_the_relative_key_as_compatible(string code, string expected)
    {
        Assert.Equal(expected.Split(','), CamelotNotation.Compatible(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("13A")]
    [InlineData("0B")]
    [InlineData("8C")]
    [InlineData("+8A")]
    public void Finds_nothing_compatible_with_a_code_off_the_wheel(string? code)
    {
        Assert.Empty(CamelotNotation.Compatible(code));
    }
}
