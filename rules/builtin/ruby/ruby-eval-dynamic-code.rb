class Calculator
  def run(params, name)
    # ruleid: ruby-eval-dynamic-code
    eval(params[:expr])
    # ruleid: ruby-eval-dynamic-code
    self.class.class_eval("def #{name}; 42; end")
    # ok: ruby-eval-dynamic-code
    self.class.define_method(name) { 42 }
    # ok: ruby-eval-dynamic-code
    instance_eval(&block) if block
    # ok: ruby-eval-dynamic-code
    Integer(params[:a]) + Integer(params[:b])
  end
end
