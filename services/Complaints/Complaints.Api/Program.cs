await ServiceApi.RunAsync<ComplaintsDb>(args, b => b.AddComplaints(), app => app.MapComplaints());

public partial class Program;
