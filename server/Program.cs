Console.Error.WriteLine("hybrid-lsp: not built yet");
return 2;
