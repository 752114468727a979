namespace GenreOrleans.Training.Tests;

/// <summary>
/// Tests that compare two fits from the same seed. <c>torch.manual_seed</c> seeds libtorch's one
/// global generator, so a test fitting in parallel (e.g. <c>GenreTrainerTests</c>) could draw from it
/// between the seeding and the initialisation and make two same-seed fits differ; this collection
/// runs alone (no other collection runs beside it, so nothing else, such as loading a model, draws
/// from the generator meanwhile). Every class that seeds torch belongs to it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededTorchCollection
{
    public const string Name = "seeded torch fits";
}
