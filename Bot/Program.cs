using ChatBot;

var app = BotHost.Build(args);
app.Run();

public partial class Program;
