await ServiceApi.RunAsync<InspectionsDb>(args, b => b.AddInspections(), app => app.MapInspections(), SeedData.SeedAsync);

public partial class Program;
