"""The core: imaging, model, explanations, reports and cases. It never imports Qt."""
