namespace GenreOrleans.Grains.Persistence;

/// <summary>Creates or checks the application database before any grain can read its state.</summary>
public sealed class DatabaseSiloStartup(DatabaseInitializer initializer) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DatabaseSiloStartup), ServiceLifecycleStage.RuntimeStorageServices, initializer.InitializeAsync);
}
