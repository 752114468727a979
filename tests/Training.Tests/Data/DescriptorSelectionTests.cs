using GenreOrleans.Training.Data;

namespace GenreOrleans.Training.Tests.Data;

public sealed class DescriptorSelectionTests
{
    private static readonly string[] Names = ["mfcc_20[0].mean", "chroma_stft[0].mean", "chroma_stft[1].std", "rhythm.low.lag00", "rhythm.mid.lag00"];

    [Fact]
    public void Without_prefixes_every_element_is_read_as_it_is()
    {
        var selection = DescriptorSelection.Without(Names, []);
        var descriptors = new float[] { 1, 2, 3, 4, 5 };

        Assert.Equal(5, selection.Count);
        Assert.Same(descriptors, selection.Apply(descriptors));
    }

    [Fact]
    public void Elements_whose_names_start_with_a_prefix_are_left_out_and_the_rest_keep_their_order()
    {
        var selection = DescriptorSelection.Without(Names, ["chroma_stft", "rhythm.mid"]);

        Assert.Equal(new float[] { 1, 4 }, selection.Apply([1, 2, 3, 4, 5]));
    }

    [Fact]
    public void A_prefix_that_matches_no_element_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => DescriptorSelection.Without(Names, ["chroma_cqt"]));

        Assert.Contains("chroma_cqt", error.Message);
    }

    [Fact]
    public void A_vector_of_another_length_is_refused()
    {
        var selection = DescriptorSelection.Without(Names, ["rhythm."]);

        Assert.Throws<ArgumentException>(() => selection.Apply(new float[4]));
    }
}
