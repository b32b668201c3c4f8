await ServiceApi.RunAsync<IdentityDb>(args, b => b.AddIdentityService(), app => app.MapIdentityService(), IdentitySeed.SeedAsync);

public partial class Program;
