await ServiceApi.RunAsync<EvaluationsDbContext>(args, b => b.AddEvaluations(), app => app.MapEvaluations(), EvaluationsSeed.SeedAsync);

public partial class Program;
