using GenreOrleans.Tests.Shared;
using GenreOrleans.Training.Data;

namespace GenreOrleans.Training.Tests.Data;

public sealed class TrainingManifestTests
{
    [Fact]
    public void Reads_a_manifest_csv_with_quoted_fields_relative_to_its_folder()
    {
        using var folder = new TemporaryDirectory("genre-training-tests");
        var directory = folder.Path;
        var path = Path.Combine(directory, "manifest.csv");
        File.WriteAllText(path,
            "file,genre,title,type,artist\n" +
            "clips/acid/1.mp3,acidhouse,Acid House,House,\"PHUTURE, DJ PIERRE\"\n" +
            "clips/dnb/2.mp3,drumnbass,Drum 'n' Bass,Jungle,\"A \"\"quoted\"\" name\"\n");

        var manifest = TrainingManifest.Load(path);

        Assert.Equal(2, manifest.Clips.Count);
        Assert.Equal(Path.Combine(directory, "clips/acid/1.mp3"), manifest.Clips[0].Path);
        Assert.Equal(("drumnbass", "Drum 'n' Bass", "Jungle"), (manifest.Clips[1].Genre, manifest.Clips[1].Title, manifest.Clips[1].Family));
        Assert.Equal(64, manifest.Sha256.Length);
    }

    [Fact]
    public void Reads_a_genre_folder_tree_with_an_optional_family_level()
    {
        using var folder = new TemporaryDirectory("genre-training-tests");
        var root = folder.Path;
        Directory.CreateDirectory(Path.Combine(root, "House", "acidhouse"));
        File.WriteAllBytes(Path.Combine(root, "House", "acidhouse", "a.mp3"), new byte[1]);
        File.WriteAllBytes(Path.Combine(root, "House", "acidhouse", "notes.txt"), new byte[1]);

        var manifest = TrainingManifest.Load(root);

        var clip = Assert.Single(manifest.Clips);
        Assert.Equal(("acidhouse", "House"), (clip.Genre, clip.Family));
    }

    [Fact]
    public void A_manifest_of_copies_with_the_same_genres_row_for_row_has_the_same_rows()
    {
        using var folder = new TemporaryDirectory("genre-training-tests");
        var original = Manifest(folder.Path, "original.csv", "clips/1.mp3,acidhouse", "clips/2.mp3,drumnbass");
        var copies = Manifest(folder.Path, "copies.csv", "loud/1.wav,acidhouse", "loud/2.wav,drumnbass");

        Assert.True(copies.HasSameRowsAs(original));
    }

    [Theory]
    [InlineData("loud/2.wav,drumnbass", "loud/1.wav,acidhouse")]
    [InlineData("loud/1.wav,acidhouse")]
    public void A_manifest_of_copies_in_another_order_or_with_rows_missing_does_not(params string[] rows)
    {
        using var folder = new TemporaryDirectory("genre-training-tests");
        var original = Manifest(folder.Path, "original.csv", "clips/1.mp3,acidhouse", "clips/2.mp3,drumnbass");

        Assert.False(Manifest(folder.Path, "copies.csv", rows).HasSameRowsAs(original));
    }

    private static TrainingManifest Manifest(string directory, string name, params string[] rows)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, "file,genre,title,type\n" + string.Concat(rows.Select(r => r + ",Some Title,House\n")));
        return TrainingManifest.Load(path);
    }
}
